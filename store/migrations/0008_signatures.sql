-- Signatures that prove who signed: one row per inspector who signed a
-- case's inspection with an Ed25519 key. Each row carries the public key
-- it was made with and that key's fingerprint, so the case records its own
-- public keys and a bundle carries them as plain rows. The message signed
-- is "wb-inspection-signature/1\n" followed by the hex SHA-256 in
-- inspections.signature (see app/signatures.go).
CREATE TABLE signatures (
    case_id     INTEGER NOT NULL REFERENCES inspections (case_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL, -- order of signing, from 1
    inspector   TEXT NOT NULL,    -- the name the key was made for
    algorithm   TEXT NOT NULL DEFAULT 'ed25519' CHECK (algorithm IN ('ed25519')),
    public_key  TEXT NOT NULL,    -- base64 of the 32-byte public key
    fingerprint TEXT NOT NULL,    -- hex SHA-256 of the public key
    signature   TEXT NOT NULL,    -- base64 of the 64-byte signature
    signed_at   TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);
