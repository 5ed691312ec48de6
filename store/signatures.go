package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// KeySignature is one inspector's Ed25519 signature of a signed
// inspection, with the public key it was made with. It is a plain row, so
// a case bundle carries it as it is.
type KeySignature struct {
	Position    int       `json:"position"`
	Inspector   string    `json:"inspector"`
	Algorithm   string    `json:"algorithm"`
	PublicKey   string    `json:"public_key"`  // base64
	Fingerprint string    `json:"fingerprint"` // hex SHA-256 of the public key
	Signature   string    `json:"signature"`   // base64
	SignedAt    time.Time `json:"signed_at"`
}

// insertKeySignatures stores a case's key signatures inside tx.
func insertKeySignatures(ctx context.Context, tx *sql.Tx, caseID int64, sigs []KeySignature) error {
	for i, s := range sigs {
		alg := s.Algorithm
		if alg == "" {
			alg = "ed25519"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO signatures (case_id, position, inspector, algorithm, public_key, fingerprint, signature, signed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, caseID, i+1, s.Inspector, alg, s.PublicKey, s.Fingerprint, s.Signature,
			s.SignedAt.UTC().Format(time.RFC3339Nano)); err != nil {
			return fmt.Errorf("store %s's signature of case %d: %w", s.Inspector, caseID, err)
		}
	}
	return nil
}

// KeySignatures gives the key signatures of a case's inspection in the
// order they were made; none for a case signed without keys.
func (s *Store) KeySignatures(ctx context.Context, caseID int64) ([]KeySignature, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT position, inspector, algorithm, public_key, fingerprint, signature, signed_at
		FROM signatures WHERE case_id = ? ORDER BY position`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read the signatures of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []KeySignature
	for rows.Next() {
		var k KeySignature
		var at string
		if err := rows.Scan(&k.Position, &k.Inspector, &k.Algorithm, &k.PublicKey, &k.Fingerprint, &k.Signature, &at); err != nil {
			return nil, fmt.Errorf("read the signatures of case %d: %w", caseID, err)
		}
		k.SignedAt = parseTime(at)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the signatures of case %d: %w", caseID, err)
	}
	return out, nil
}
