"""What an unlocked key holder can do with the key file: sign roles, hand keys over, rotate.

Keys are only ever sealed to a public key vouched for by a certificate under the vault's signing
key, so a public key swapped into the file receives nothing, and a role edited in the database
is not the role the app uses (``VaultKeys`` reads it from the certificate).
"""

from __future__ import annotations

import hmac

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import VaultError
from kdrt_desk.security.crypto import (
    SlotKeyPair,
    derive,
    mac,
    random_key,
    seal_to,
    sign_with_seed,
    signing_key_pair,
    verify_signature,
)
from kdrt_desk.security.keyfile import (
    RECOVERY_SLOT_ID,
    Certificate,
    KeyFile,
    KeySlot,
    SealedKey,
    certificate_payload,
    checksum,
    history_payload,
)
from kdrt_desk.security.manifest import manifest_holds, sign_manifest
from kdrt_desk.security.tiers import KeyName, keys_for_role
from kdrt_desk.security.vault_keys import Unlocked, VaultKeys

RECOVERY_ROLE = "recovery"


def certificate_problem(keyfile: KeyFile, slot_id: str, *, current_only: bool = True
                        ) -> str | None:
    """Why the slot's role may not be trusted (a catalogue key), or None when it may: the
    certificate must be signed by the vault, be the one the signed manifest names for the slot
    (not one put back from an older copy), and match the slot's public keys (or, for a slot
    from before sealed fields, its content as it was when vouched for)."""
    cert = keyfile.certificates.get(slot_id)
    if cert is None:
        return "error.role_unsigned"
    if not signed_by_vault(keyfile, cert, current_only=current_only):
        return "error.role_signature_invalid"
    if current_only and (not manifest_holds(keyfile) or keyfile.roster.get(slot_id)
                         != cert.serial):
        return "error.role_signature_invalid"  # a certificate put back, or the file edited
    slot = keyfile.slots.get(slot_id)
    if cert.box_public is not None and (
            slot is None or slot.box_public != cert.box_public
            or slot.sign_public != cert.sign_public):
        return "error.role_signature_invalid"  # a public key swapped into the file
    if cert.box_public is None and slot is not None and slot.legacy and (
            cert.slot_digest != checksum(slot.material())):
        return "error.role_signature_invalid"  # a version 1 slot written by someone else
    return None


def role_of(cert: Certificate) -> Role | None:
    """The certificate's role; None for the recovery slot."""
    return None if cert.role == RECOVERY_ROLE else Role(cert.role)


def signed_by_vault(keyfile: KeyFile, cert: Certificate, *, current_only: bool = True) -> bool:
    """The certificate's signature holds under the vault's signing key (or, for a retired
    account's, under an earlier one the current key vouches for)."""
    if keyfile.signing_public is None:
        return False
    signers = [keyfile.signing_public]
    if not current_only and keyfile.signing_history and keyfile.history_signature and \
            verify_signature(keyfile.signing_public, keyfile.history_signature,
                             history_payload(keyfile.vault_id, keyfile.signing_history)):
        signers.extend(keyfile.signing_history)
    return cert.signer in signers and verify_signature(cert.signer, cert.signature,
                                                       cert.payload(keyfile.vault_id))


def certified_role(keyfile: KeyFile, slot_id: str) -> Role | None:
    """The slot's role as an admin signed it; raises for an unsigned or badly signed one.
    None for the recovery slot."""
    problem = certificate_problem(keyfile, slot_id)
    if problem is not None:
        raise VaultError(problem)
    return role_of(keyfile.certificates[slot_id])


def awaiting_certification(keyfile: KeyFile, slot_id: str) -> bool:
    """An account upgraded from version 1 whose own key pair an admin has not vouched for."""
    cert = keyfile.certificates.get(slot_id)
    slot = keyfile.slots.get(slot_id)
    return (cert is not None and cert.box_public is None and slot is not None
            and not slot.legacy)


def missing_keys(keyfile: KeyFile, slot_id: str) -> frozenset[KeyName]:
    """The keys the slot's role should hold but does not have yet (waiting for a holder)."""
    cert = keyfile.certificates.get(slot_id)
    slot = keyfile.slots.get(slot_id)
    if cert is None or slot is None:
        return frozenset()
    return frozenset(n for n in keys_for_role(role_of(cert)) if not slot.sealed.get(n.value))


class KeyCustody:
    """Operations of one unlocked holder on the key file of ``keys`` (saved by the caller)."""

    def __init__(self, keys: VaultKeys, holder: Unlocked) -> None:
        self.keys = keys
        self.holder = holder

    @property
    def keyfile(self) -> KeyFile:
        return self.keys.file()

    def vouch(self) -> None:
        """Sign the manifest again (after new certificates, key generations or markers)."""
        sign_manifest(self.keyfile, self.holder.newest(KeyName.SIGNING),
                      {name.value: gens for name, gens in self.holder.keys.items()})

    def finish_upgrade(self) -> None:
        self.keyfile.upgrade_pending = False
        self.vouch()

    # -- certificates -------------------------------------------------------------------------
    def certify(self, slot_id: str, role: Role | str, pair_public: tuple[bytes, bytes] | None
                ) -> Certificate:
        seed = self.holder.newest(KeyName.SIGNING)
        keyfile = self.keyfile
        keyfile.serial += 1
        box, sign = pair_public if pair_public is not None else (None, None)
        role_text = Role(role).value if role != RECOVERY_ROLE else RECOVERY_ROLE
        slot = keyfile.slots.get(slot_id)
        # a version 1 slot has no public key to sign: its content as it is now is vouched for
        digest = (checksum(slot.material()) if pair_public is None and slot is not None
                  and slot.legacy else None)
        payload = certificate_payload(keyfile.vault_id, slot_id, role_text, box, sign,
                                      keyfile.serial, digest)
        _, signer = signing_key_pair(seed)
        cert = Certificate(slot_id, role_text, box, sign, keyfile.serial, signer,
                           sign_with_seed(seed, payload), digest)
        old = keyfile.certificates.get(slot_id)
        if old is not None and old.sign_public is not None and old.sign_public != sign:
            keyfile.retired.append(old)  # entries she signed keep verifying
        keyfile.certificates[slot_id] = cert
        self.vouch()
        return cert

    def _certify_pair(self, slot_id: str, role: Role | str, pair: SlotKeyPair) -> Certificate:
        return self.certify(slot_id, role, (pair.box_public, pair.sign_public))

    # -- sealing keys to slots ---------------------------------------------------------------
    def grant(self, slot_id: str, names: frozenset[KeyName]) -> list[KeyName]:
        """Seal every generation the holder has of ``names`` to the slot's certified public key
        (what it lacks); returns the names it received something of."""
        keyfile = self.keyfile
        slot = keyfile.slots[slot_id]
        cert = keyfile.certificates.get(slot_id)
        if (slot.box_public is None or cert is None or cert.box_public != slot.box_public
                or certificate_problem(keyfile, slot_id)):
            raise VaultError("error.role_signature_invalid")
        given: list[KeyName] = []
        for name in sorted(names):
            have = {s.gen for s in slot.sealed.get(name.value, [])}
            for gen, value in sorted(self.holder.keys.get(name, {}).items()):
                if gen in have:
                    continue
                box = seal_to(slot.box_public, value,
                              keyfile.sealed_aad(slot_id, name.value, gen))
                slot.sealed.setdefault(name.value, []).append(SealedKey(gen, box))
                if name not in given:
                    given.append(name)
        return given

    def revoke(self, slot_id: str, names: frozenset[KeyName]) -> None:
        slot = self.keyfile.slots.get(slot_id)
        if slot is not None:
            for name in names:
                slot.sealed.pop(name.value, None)

    def hand_over(self) -> tuple[list[tuple[str, list[KeyName]]], list[str]]:
        """Give every certified account the keys of its role that this holder has. Returns
        (slot id, names given) for the audit log, and the slots refused because their role or
        public key does not verify (changed outside the app: audited, given nothing).

        An account upgraded from version 1 made its key pair at its own login, unchecked: an
        admin vouches for it here only when its role holds no field key (a facilitator); any
        other waits for ``confirm_key_pair`` (its owner types her password in the admin's
        session), so a key pair someone else wrote into that slot receives nothing."""
        keyfile = self.keyfile
        given: list[tuple[str, list[KeyName]]] = []
        refused: list[str] = []
        for slot_id, slot in list(keyfile.slots.items()):
            if slot.legacy or slot_id == self.holder.slot_id:
                continue
            cert = keyfile.certificates.get(slot_id)
            if cert is None:
                continue
            if certificate_problem(keyfile, slot_id):
                refused.append(slot_id)
                continue
            role = role_of(cert)
            if cert.box_public is None:
                if not self.holder.holds(KeyName.SIGNING) or keys_for_role(role) != {
                        KeyName.MASTER} or not self._pair_proven(slot):
                    continue
                assert slot.box_public is not None and slot.sign_public is not None
                self.certify(slot_id, cert.role, (slot.box_public, slot.sign_public))
            names = frozenset(n for n in keys_for_role(role) if self.holder.holds(n))
            received = self.grant(slot_id, names)
            if received:
                given.append((slot_id, received))
        return given, refused

    def _pair_proven(self, slot: KeySlot) -> bool:
        """The key pair was made by someone holding the master key (its owner, at her login),
        not written into the file by an outsider."""
        return slot.pair_proof is not None and hmac.compare_digest(
            slot.pair_proof, pair_proof(self.holder.master, slot))

    def confirm_key_pair(self, owner: Unlocked) -> list[KeyName]:
        """Vouch for an upgraded account's key pair, proven hers by her password (``owner`` is
        her slot unlocked with it in this admin's session), and hand over her role's keys."""
        keyfile = self.keyfile
        slot_id = owner.slot_id
        cert = keyfile.certificates.get(slot_id)
        if cert is None or certificate_problem(keyfile, slot_id):
            raise VaultError("error.role_signature_invalid")
        if owner.legacy:
            KeyCustody(self.keys, owner).convert_legacy()
        assert owner.pair is not None
        self.certify(slot_id, cert.role, (owner.pair.box_public, owner.pair.sign_public))
        role = role_of(cert)
        return self.grant(slot_id, keys_for_role(role))

    # -- accounts -----------------------------------------------------------------------------
    def add_account(self, username: str, role: Role, password: str) -> None:
        """A new account with its own key pair, certified, holding the keys of its role."""
        slot_id = self.keys.slot_id(username)
        pair = SlotKeyPair.generate()
        self.keys.write_slot(slot_id, pair, password)
        self._certify_pair(slot_id, role, pair)
        self.grant(slot_id, keys_for_role(role))

    def reset_password(self, username: str, role: Role, password: str) -> None:
        """An admin sets a new password: a new key pair (the old seed is out of reach)."""
        self.add_account(username, role, password)

    def change_own_password(self, username: str, password: str) -> None:
        """The same key pair under a new password key: nothing sealed to it changes."""
        if self.holder.pair is None:
            raise VaultError("error.keys_pending")
        self.keys.write_slot(self.keys.slot_id(username), self.holder.pair, password)

    def change_role(self, username: str, role: Role) -> frozenset[KeyName]:
        """A new certificate for the same key pair; keys of the new role handed over, keys of
        the old one taken away. Returns the keys the account no longer holds (to rotate)."""
        keyfile = self.keyfile
        slot_id = self.keys.slot_id(username)
        slot = keyfile.slots.get(slot_id)
        cert = keyfile.certificates.get(slot_id)
        if slot is None or cert is None:
            raise VaultError("error.account_unknown", name=username)
        before = keys_for_role(Role(cert.role))
        after = keys_for_role(role)
        if cert.box_public is None or slot.box_public is None:
            self.certify(slot_id, role, None)  # still waiting for its own key pair
        else:
            assert slot.sign_public is not None
            self.certify(slot_id, role, (slot.box_public, slot.sign_public))
            self.grant(slot_id, after)
        self.revoke(slot_id, before - after)
        return before - after

    def remove_account(self, username: str) -> None:
        keyfile = self.keyfile
        slot_id = self.keys.slot_id(username)
        keyfile.slots.pop(slot_id, None)
        cert = keyfile.certificates.pop(slot_id, None)
        if cert is not None:
            keyfile.retired.append(cert)
        keyfile.guard.lockout.pop(slot_id, None)
        self.vouch()

    def replace_recovery(self, code: str) -> None:
        """A new recovery slot (new code and key pair) holding every key the holder has."""
        pair = SlotKeyPair.generate()
        kek, salt = self.keys.recovery_kek(code)
        self.keys.rewrap_slot(RECOVERY_SLOT_ID, pair, kek, salt)
        self._certify_pair(RECOVERY_SLOT_ID, RECOVERY_ROLE, pair)
        self.grant(RECOVERY_SLOT_ID, frozenset(self.holder.keys))

    # -- a new vault and an upgraded one ---------------------------------------------------
    @classmethod
    def found(cls, keys: VaultKeys, username: str, password: str, code: str) -> KeyCustody:
        """The first admin of a new vault: master, field and signing keys, her slot and the
        recovery slot (the caller saves)."""
        keyfile = keys.create()
        signing = random_key()
        _, keyfile.signing_public = signing_key_pair(signing)
        holder = Unlocked(keys.slot_id(username), SlotKeyPair.generate(), {
            name: {1: random_key()} for name in KeyName})
        holder.keys[KeyName.SIGNING] = {1: signing}
        custody = cls(keys, holder)
        assert holder.pair is not None
        keys.write_slot(holder.slot_id, holder.pair, password)
        custody._certify_pair(holder.slot_id, Role.ADMIN, holder.pair)
        custody.grant(holder.slot_id, keys_for_role(Role.ADMIN))
        custody.replace_recovery(code)
        return custody

    def upgrade_from_v1(self, code: str, roles: dict[str, Role]) -> None:
        """Version 1 to 2 by a legacy admin: new field and signing keys, her slot and a new
        recovery slot with key pairs, and the roles of the other accounts vouched for (their
        key pairs come at their next login). ``roles`` maps slot ids to the stored roles."""
        keyfile = self.keyfile
        holder = self.holder
        if holder.kek is None or not holder.legacy:
            raise VaultError("error.upgrade_needs_admin")
        signing = random_key()
        _, keyfile.signing_public = signing_key_pair(signing)
        keyfile.version = 2
        holder.keys.update({KeyName.RESTRICTED: {1: random_key()},
                            KeyName.CONTACT: {1: random_key()}, KeyName.SIGNING: {1: signing}})
        holder.keys[KeyName.MASTER] = {1: holder.master}
        old = keyfile.slots[holder.slot_id]
        holder.pair = SlotKeyPair.generate()
        self.keys.rewrap_slot(holder.slot_id, holder.pair, holder.kek, old.salt)
        self._certify_pair(holder.slot_id, Role.ADMIN, holder.pair)
        self.grant(holder.slot_id, keys_for_role(Role.ADMIN))
        for slot_id, role in roles.items():
            if slot_id != holder.slot_id and slot_id in keyfile.slots:
                self.certify(slot_id, role, None)
        self.replace_recovery(code)
        keyfile.upgrade_pending = True
        self.vouch()

    def convert_legacy(self) -> None:
        """A version 1 slot gets its key pair at its owner's login (she holds the master key
        already, so it is sealed to her at once; the field keys wait for a holder)."""
        holder = self.holder
        keyfile = self.keyfile
        if not holder.legacy or holder.kek is None:
            return
        old = keyfile.slots[holder.slot_id]
        holder.pair = SlotKeyPair.generate()
        slot = self.keys.rewrap_slot(holder.slot_id, holder.pair, holder.kek, old.salt)
        master = holder.master
        box = seal_to(holder.pair.box_public, master,
                      keyfile.sealed_aad(holder.slot_id, KeyName.MASTER.value, 1))
        slot.sealed[KeyName.MASTER.value] = [SealedKey(1, box)]
        slot.pair_proof = pair_proof(master, slot)

    # -- rotation -------------------------------------------------------------------------------
    def begin_rotation(self, names: frozenset[KeyName]) -> dict[KeyName, int]:
        """New generations of ``names`` (not the signing key) sealed to every certified holder
        and the recovery slot; the old ones stay until ``finish_rotation``. Returns the new
        generation of each name."""
        keyfile = self.keyfile
        if KeyName.SIGNING in names:
            raise ValueError("rotate the signing key with rotate_signing_key")
        gens: dict[KeyName, int] = {}
        for name in names:
            current = self.holder.keys.get(name)
            if not current:
                raise VaultError("error.keys_pending")
            gen = max(current) + 1
            current[gen] = random_key()
            gens[name] = gen
        for slot_id in list(keyfile.slots):
            if keyfile.slots[slot_id].legacy or certificate_problem(keyfile, slot_id):
                continue
            cert = keyfile.certificates[slot_id]
            if cert.box_public is None:
                continue
            role = role_of(cert)
            self.grant(slot_id, names & keys_for_role(role))
        keyfile.rotation = {"gens": {n.value: g for n, g in gens.items()}}
        self.vouch()
        return gens

    def finish_rotation(self) -> None:
        """Drop the generations older than the rotation's from every slot and the holder."""
        keyfile = self.keyfile
        if keyfile.rotation is None:
            return
        for name_text, gen in keyfile.rotation["gens"].items():
            name = KeyName(name_text)
            for slot in keyfile.slots.values():
                if name_text in slot.sealed:
                    slot.sealed[name_text] = [s for s in slot.sealed[name_text] if s.gen >= gen]
            held = self.holder.keys.get(name, {})
            for old in [g for g in held if g < gen]:
                del held[old]
        keyfile.rotation = None
        self.vouch()

    def abort_rotation(self) -> None:
        """Take back the new generations (a cancelled rotation leaves nothing behind)."""
        keyfile = self.keyfile
        if keyfile.rotation is None:
            return
        for name_text, gen in keyfile.rotation["gens"].items():
            for slot in keyfile.slots.values():
                if name_text in slot.sealed:
                    slot.sealed[name_text] = [s for s in slot.sealed[name_text] if s.gen < gen]
            self.holder.keys.get(KeyName(name_text), {}).pop(gen, None)
        keyfile.rotation = None
        self.vouch()

    def rotate_signing_key(self) -> None:
        """A new vault signing key: every certificate signed again and every key sealed again
        (sealed keys are bound to the signing key); the old public half joins the history so
        certificates of retired accounts, and the audit entries they signed, still verify."""
        keyfile = self.keyfile
        old_public = keyfile.signing_public
        seed = random_key()
        gens = self.holder.keys[KeyName.SIGNING]
        gens.clear()
        gens[1] = seed
        _, keyfile.signing_public = signing_key_pair(seed)
        if old_public is not None:
            keyfile.signing_history.append(old_public)
        keyfile.history_signature = sign_with_seed(seed, history_payload(
            keyfile.vault_id, keyfile.signing_history))
        for slot_id, cert in list(keyfile.certificates.items()):
            pubs = (None if cert.box_public is None or cert.sign_public is None
                    else (cert.box_public, cert.sign_public))
            self.certify(slot_id, cert.role, pubs)
        for slot_id, slot in keyfile.slots.items():
            if slot.legacy or slot.box_public is None:
                continue
            signed = keyfile.certificates.get(slot_id)
            if signed is None or signed.box_public is None:
                continue
            slot.sealed = {}
            role = role_of(signed)
            self.grant(slot_id, keys_for_role(role))
        self.vouch()


def pair_proof(master: bytes, slot: KeySlot) -> str:
    """A MAC under the master key over a converted version 1 slot's public keys."""
    assert slot.box_public is not None and slot.sign_public is not None
    return mac(derive(master, "key pair proof"), b"\n".join([
        slot.slot_id.encode(), slot.box_public, slot.sign_public]))
