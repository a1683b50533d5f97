"""The message catalogue: key -> (Indonesian, English). Enum labels are ``enum.<Class>.<value>``."""

from __future__ import annotations

from kdrt_desk.i18n.catalog_backup import BACKUP
from kdrt_desk.i18n.catalog_calendar import CALENDAR
from kdrt_desk.i18n.catalog_care import CARE
from kdrt_desk.i18n.catalog_case_workers import CASE_WORKERS
from kdrt_desk.i18n.catalog_certificate_service import CERTIFICATE_SERVICE
from kdrt_desk.i18n.catalog_certificates import CERTIFICATES
from kdrt_desk.i18n.catalog_cli import CLI
from kdrt_desk.i18n.catalog_cli_certificates import CLI_CERTIFICATES
from kdrt_desk.i18n.catalog_cli_monitoring import CLI_MONITORING
from kdrt_desk.i18n.catalog_cli_programme import CLI_PROGRAMME
from kdrt_desk.i18n.catalog_donor import DONOR
from kdrt_desk.i18n.catalog_enums import ENUM_LABELS
from kdrt_desk.i18n.catalog_errors import ERRORS
from kdrt_desk.i18n.catalog_exports import EXPORTS
from kdrt_desk.i18n.catalog_grouping import GROUPING
from kdrt_desk.i18n.catalog_import import IMPORT
from kdrt_desk.i18n.catalog_indicators import INDICATORS
from kdrt_desk.i18n.catalog_install import INSTALL
from kdrt_desk.i18n.catalog_livelihood import LIVELIHOOD
from kdrt_desk.i18n.catalog_monitoring import MONITORING, UI_MONITORING
from kdrt_desk.i18n.catalog_neighbours import NEIGHBOURS
from kdrt_desk.i18n.catalog_reports import REPORTS
from kdrt_desk.i18n.catalog_reports_monitoring import REPORTS_MONITORING
from kdrt_desk.i18n.catalog_reports_programme import REPORTS_PROGRAMME
from kdrt_desk.i18n.catalog_reports_progress import REPORTS_PROGRESS
from kdrt_desk.i18n.catalog_retention import RETENTION
from kdrt_desk.i18n.catalog_schedule import SCHEDULE
from kdrt_desk.i18n.catalog_schedule_output import SCHEDULE_OUTPUT
from kdrt_desk.i18n.catalog_screening import SCREENING
from kdrt_desk.i18n.catalog_security import SECURITY
from kdrt_desk.i18n.catalog_shared_pc import SHARED_PC
from kdrt_desk.i18n.catalog_skills import SKILLS
from kdrt_desk.i18n.catalog_training import TRAINING
from kdrt_desk.i18n.catalog_ui import UI
from kdrt_desk.i18n.catalog_ui_access import UI_ACCESS
from kdrt_desk.i18n.catalog_ui_admin import UI_ADMIN
from kdrt_desk.i18n.catalog_ui_calendar import UI_CALENDAR
from kdrt_desk.i18n.catalog_ui_care import UI_CARE
from kdrt_desk.i18n.catalog_ui_catalogue import UI_CATALOGUE
from kdrt_desk.i18n.catalog_ui_certificates import UI_CERTIFICATES
from kdrt_desk.i18n.catalog_ui_enrol import UI_ENROL
from kdrt_desk.i18n.catalog_ui_groups import UI_GROUPS
from kdrt_desk.i18n.catalog_ui_hints import UI_HINTS
from kdrt_desk.i18n.catalog_ui_import import UI_IMPORT
from kdrt_desk.i18n.catalog_ui_indicators import UI_INDICATORS
from kdrt_desk.i18n.catalog_ui_instruments import UI_INSTRUMENTS
from kdrt_desk.i18n.catalog_ui_print import UI_PRINT
from kdrt_desk.i18n.catalog_ui_reminders import UI_REMINDERS
from kdrt_desk.i18n.catalog_ui_routine import UI_ROUTINE
from kdrt_desk.i18n.catalog_ui_schedule import UI_SCHEDULE
from kdrt_desk.i18n.catalog_ui_screening import UI_SCREENING

MESSAGES: dict[str, tuple[str, str]] = {
    **ENUM_LABELS, **ERRORS, **BACKUP, **UI, **UI_ACCESS, **UI_ADMIN, **CLI, **SCREENING, **CARE,
    **UI_CARE, **UI_SCREENING, **TRAINING, **UI_CATALOGUE, **UI_GROUPS, **CLI_PROGRAMME,
    **CLI_MONITORING,
    **REPORTS, **REPORTS_PROGRAMME, **SECURITY, **CALENDAR, **SCHEDULE,
    **SCHEDULE_OUTPUT, **UI_CALENDAR,
    **UI_REMINDERS,
    **UI_ROUTINE,
    **UI_SCHEDULE,
    **NEIGHBOURS,
    **GROUPING,
    **UI_ENROL,
    **SKILLS,
    **REPORTS_MONITORING,
    **REPORTS_PROGRESS,
    **LIVELIHOOD,
    **MONITORING,
    **INDICATORS,
    **INSTALL,
    **SHARED_PC,
    **CASE_WORKERS,
    **CERTIFICATES,
    **CERTIFICATE_SERVICE,
    **CLI_CERTIFICATES,
    **DONOR,
    **UI_MONITORING,
    **UI_INSTRUMENTS,
    **UI_INDICATORS,
    **UI_PRINT,
    **UI_CERTIFICATES,
    **IMPORT,
    **UI_IMPORT,
    **EXPORTS,
    **RETENTION,
    **UI_HINTS,
}
