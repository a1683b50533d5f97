"""Finding 5: the search box is no oracle for the fields a role may not see.

As the facilitator, a search by the leading digits of a member's NIK (or the NIK itself, or its
last six digits) gives exactly what a search by other digits gives: nothing. As staf, the last
four digits of a phone whose owner gave no contact consent match nothing, while those of a
woman who consents to being contacted do.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from cli_harness import CliVault

from kdrt_desk.domain.enums import ConsentScope, SafeToCall
from kdrt_desk.domain.participant import Consent, ParticipantInput

TODAY = date.today()
CONSENTING_PHONE = "0812-5501-7390"
WITHHELD_PHONE = "0813-6602-8461"


def _codes(result: object) -> list[str]:
    out = result.stdout  # type: ignore[attr-defined]
    return [row["code"] for row in csv.DictReader(io.StringIO(out))]


def _member_with_nik(vault: CliVault) -> tuple[str, str, str]:
    """(code, full name, NIK) of a woman in the facilitator's groups, found as an admin."""
    facilitator = vault.services("fasilitator")
    try:
        members = {row.id for row in facilitator.participants.list_rows()}
    finally:
        facilitator.close()
    assert members
    admin = vault.services("admin")
    try:
        for row in admin.participants.list_rows():
            if row.id in members and len(row.nik) == 16:
                return row.code, row.full_name, row.nik
    finally:
        admin.close()
    raise AssertionError("no member of her groups has a NIK")


def test_facilitator_search_by_nik_digits_gives_no_signal(demo_copy: CliVault) -> None:
    code, name, nik = _member_with_nik(demo_copy)
    other = nik[:11] + str((int(nik[11]) + 1) % 10)

    by_name = demo_copy.run("participants", "list", "--search", name, user="fasilitator")
    assert by_name.returncode == 0, by_name.stderr
    assert code in _codes(by_name), "she does see this member (by name)"
    header = by_name.stdout.splitlines()[0]
    assert "nik" not in header.split(",")

    outputs = {}
    for what, query in (("her NIK's first 12 digits", nik[:12]), ("other digits", other),
                        ("her whole NIK", nik), ("its last 6 digits", nik[-6:])):
        result = demo_copy.run("participants", "list", "--search", query, user="fasilitator")
        assert result.returncode == 0, result.stderr
        outputs[what] = result.stdout
    assert set(outputs.values()) == {header + "\n"}, outputs


def test_staf_finds_no_phone_withheld_from_her(demo_copy: CliVault) -> None:
    admin = demo_copy.services("admin")
    try:
        def woman(name: str, phone: str, scopes: set[ConsentScope]) -> str:
            return admin.participants.register(ParticipantInput(
                full_name=name, estimated_age=34, phone=phone, safe_to_call=SafeToCall.YES,
                kecamatan="Plaju", registered_on=TODAY, consent=Consent(TODAY, scopes)),
                TODAY).code

        consenting = woman("Rahma Boleh Dihubungi", CONSENTING_PHONE,
                           {ConsentScope.DATA_USE, ConsentScope.CONTACT})
        withheld = woman("Sumi Tanpa Izin Kontak", WITHHELD_PHONE, {ConsentScope.DATA_USE})
    finally:
        admin.close()

    def staf_search(query: str) -> list[str]:
        result = demo_copy.run("participants", "list", "--search", query, user="staf")
        assert result.returncode == 0, result.stderr
        return _codes(result)

    assert staf_search(CONSENTING_PHONE[-4:]) == [consenting]
    assert staf_search(WITHHELD_PHONE[-4:]) == []
    assert staf_search(WITHHELD_PHONE) == []
    assert staf_search("Sumi Tanpa Izin") == [withheld]  # she is there, by name
