"""Builds the services for an opened vault once, for the GUI (``app.py``) and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass

from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.services.accounts import AccountService
from kdrt_desk.services.alerts import AlertService
from kdrt_desk.services.assessments import AssessmentService
from kdrt_desk.services.attendance import AttendanceService
from kdrt_desk.services.audit_log import AuditService
from kdrt_desk.services.backups import BackupService
from kdrt_desk.services.calendar import CalendarService
from kdrt_desk.services.care import CareService
from kdrt_desk.services.case_workers import CaseWorkerService
from kdrt_desk.services.catalogue import CatalogueService
from kdrt_desk.services.certificates import CertificateService
from kdrt_desk.services.consent import ConsentService
from kdrt_desk.services.criteria import CriteriaService
from kdrt_desk.services.dashboard import DashboardService
from kdrt_desk.services.decisions import DecisionService
from kdrt_desk.services.donor_report import DonorReportService
from kdrt_desk.services.grouping import GroupingService
from kdrt_desk.services.groups import GroupService
from kdrt_desk.services.indicators import IndicatorService
from kdrt_desk.services.instrument_forms import InstrumentFormService
from kdrt_desk.services.instruments import InstrumentService
from kdrt_desk.services.livelihoods import LivelihoodService
from kdrt_desk.services.neighbours import NeighbourService
from kdrt_desk.services.participant_import import ParticipantImportService
from kdrt_desk.services.participants import ParticipantService
from kdrt_desk.services.partners import PartnerService
from kdrt_desk.services.progress_reports import ProgressReportService
from kdrt_desk.services.recovery import RecoveryService
from kdrt_desk.services.reminders import ReminderService
from kdrt_desk.services.retention import RetentionService
from kdrt_desk.services.routines import RoutineService
from kdrt_desk.services.schedule import ScheduleService
from kdrt_desk.services.schedule_export import ScheduleExportService
from kdrt_desk.services.screening import ScreeningService
from kdrt_desk.services.sessions import SessionService
from kdrt_desk.services.settings import SettingsService
from kdrt_desk.services.timeline import TimelineService
from kdrt_desk.services.vault_access import OpenVault
from kdrt_desk.services.windows_accounts import SharedFolderService
from kdrt_desk.services.work_exports import WorkExportService
from kdrt_desk.vault_files import default_data_dir

__all__ = ["Services", "build_services", "default_data_dir"]


@dataclass
class Services:
    vault: OpenVault
    participants: ParticipantService
    accounts: AccountService
    audit: AuditService
    settings: SettingsService
    shared_folder: SharedFolderService
    recovery: RecoveryService
    screening: ScreeningService
    criteria: CriteriaService
    decisions: DecisionService
    consent: ConsentService
    care: CareService
    case_workers: CaseWorkerService
    timeline: TimelineService
    dashboard: DashboardService
    catalogue: CatalogueService
    partners: PartnerService
    groups: GroupService
    grouping: GroupingService
    sessions: SessionService
    attendance: AttendanceService
    routines: RoutineService
    calendar: CalendarService
    schedule: ScheduleService
    reminders: ReminderService
    schedule_export: ScheduleExportService
    neighbours: NeighbourService
    instruments: InstrumentService
    indicators: IndicatorService
    instrument_forms: InstrumentFormService
    assessments: AssessmentService
    alerts: AlertService
    livelihoods: LivelihoodService
    progress_reports: ProgressReportService
    certificates: CertificateService
    donor_report: DonorReportService
    backups: BackupService
    work_exports: WorkExportService
    participant_import: ParticipantImportService
    retention: RetentionService

    def close(self) -> None:
        self.vault.close()


def build_services(vault: OpenVault) -> Services:
    outputs = OutputWriter(vault.paths.data_dir)
    sessions = SessionService(vault.db, vault.actor)
    calendar = CalendarService(vault.db, vault.actor)
    groups = GroupService(vault.db, vault.actor)
    consent = ConsentService(vault.db, vault.actor, outputs)
    return Services(
        vault=vault,
        participants=ParticipantService(vault.db, vault.actor),
        accounts=AccountService(vault),
        audit=AuditService(vault.db, vault.actor, vault.keys.file()),
        settings=SettingsService(vault.db, vault.actor),
        shared_folder=SharedFolderService(vault.db, vault.actor, vault.paths.data_dir),
        recovery=RecoveryService(vault),
        screening=ScreeningService(vault.db, vault.actor),
        criteria=CriteriaService(vault.db, vault.actor),
        decisions=DecisionService(vault.db, vault.actor),
        consent=consent,
        care=CareService(vault.db, vault.actor),
        case_workers=CaseWorkerService(vault.db, vault.actor),
        timeline=TimelineService(vault.db, vault.actor),
        dashboard=DashboardService(vault.db, vault.actor),
        catalogue=CatalogueService(vault.db, vault.actor),
        partners=PartnerService(vault.db, vault.actor),
        groups=groups,
        grouping=GroupingService(vault.db, vault.actor, groups),
        sessions=sessions,
        attendance=AttendanceService(vault.db, vault.actor, outputs),
        routines=RoutineService(vault.db, vault.actor),
        calendar=calendar,
        schedule=ScheduleService(vault.db, vault.actor, calendar, sessions),
        reminders=ReminderService(vault.db, vault.actor),
        schedule_export=ScheduleExportService(vault.db, vault.actor, outputs),
        neighbours=NeighbourService(vault.db, vault.actor),
        instruments=InstrumentService(vault.db, vault.actor),
        indicators=IndicatorService(vault.db, vault.actor),
        instrument_forms=InstrumentFormService(vault.db, vault.actor, outputs),
        assessments=AssessmentService(vault.db, vault.actor),
        alerts=AlertService(vault.db, vault.actor),
        livelihoods=LivelihoodService(vault.db, vault.actor),
        progress_reports=ProgressReportService(vault.db, vault.actor, outputs),
        certificates=CertificateService(vault.db, vault.actor, outputs, vault.keys.file),
        donor_report=DonorReportService(vault.db, vault.actor, outputs),
        backups=BackupService(vault, vault.actor),
        work_exports=WorkExportService(vault.db, vault.actor, outputs),
        participant_import=ParticipantImportService(vault.db, vault.actor, outputs),
        retention=RetentionService(vault.db, vault.actor, consent),
    )
