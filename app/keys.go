package app

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// KeysDirEnv names the environment variable that chooses the folder of the
// inspectors' signing keys instead of the one in the user's configuration
// directory.
const KeysDirEnv = "WB_KEYS_DIR"

// PassphraseEnv names the environment variable a passphrase is read from
// instead of a prompt (for scripts and tests).
const PassphraseEnv = "WB_PASSPHRASE"

// MinPassphraseLength is the fewest characters a new key's passphrase may
// have.
const MinPassphraseLength = 8

// ScryptWorkFactor is the scrypt work factor (log2 N) a new key's private
// key is encrypted with: age's default, about a second to unlock. Tests
// lower it.
var ScryptWorkFactor = 18

// keyFileMagic opens every private key file; publicFileMagic every public
// key file.
const (
	keyFileMagic    = "inspection-workbench signing key v1"
	publicFileMagic = "# Inspection Workbench public key v1"
	seedMagic       = "inspection-workbench ed25519 seed v1\n"
)

// KeyProblem says what is wrong in a *KeyError.
type KeyProblem string

// The problems a *KeyError names.
const (
	KeyWrongPassphrase    KeyProblem = "wrong_passphrase"
	KeyNotFound           KeyProblem = "not_found"
	KeyAmbiguous          KeyProblem = "ambiguous"
	KeyDamaged            KeyProblem = "damaged"
	KeyBadName            KeyProblem = "bad_name"
	KeyWeakPassphrase     KeyProblem = "weak_passphrase"
	KeyNoPassphrase       KeyProblem = "no_passphrase"
	KeyNotInspector       KeyProblem = "not_inspector"
	KeyInWorkspace        KeyProblem = "in_workspace"
	KeyBadPublicFile      KeyProblem = "bad_public_file"
	KeyDuplicateSigner    KeyProblem = "duplicate_signer"
	KeyPassphraseMismatch KeyProblem = "passphrase_mismatch"
)

// KeyError is a problem with a signing key: the interfaces word it from
// Problem and Key (an inspector name, fingerprint or file); Error is its
// English.
type KeyError struct {
	Problem KeyProblem
	Key     string
	Detail  string // English detail, "" when none
	Err     error
}

func (e *KeyError) Error() string {
	var msg string
	switch e.Problem {
	case KeyWrongPassphrase:
		msg = fmt.Sprintf("key %s: wrong passphrase; nothing was signed", e.Key)
	case KeyNotFound:
		msg = fmt.Sprintf("no signing key %q (wb key list shows the keys)", e.Key)
	case KeyAmbiguous:
		msg = fmt.Sprintf("%q names several keys; give the fingerprint's first digits instead", e.Key)
	case KeyDamaged:
		msg = fmt.Sprintf("key file %s is damaged or altered", e.Key)
	case KeyBadName:
		msg = fmt.Sprintf("inspector name %q cannot name a key: it must be one line of printable text", e.Key)
	case KeyWeakPassphrase:
		msg = fmt.Sprintf("the passphrase is too short: at least %d characters", MinPassphraseLength)
	case KeyNoPassphrase:
		msg = fmt.Sprintf("no passphrase for key %s: there is no terminal to ask on; set %s", e.Key, PassphraseEnv)
	case KeyNotInspector:
		msg = fmt.Sprintf("key %s belongs to no inspector of this case", e.Key)
	case KeyInWorkspace:
		msg = fmt.Sprintf("the keys folder %s lies inside the workspace; keys must be kept outside it", e.Key)
	case KeyBadPublicFile:
		msg = fmt.Sprintf("%s is not a public key file", e.Key)
	case KeyDuplicateSigner:
		msg = fmt.Sprintf("key %s is given twice", e.Key)
	case KeyPassphraseMismatch:
		msg = "the two passphrases differ"
	default:
		msg = "key " + e.Key + ": " + string(e.Problem)
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap gives the underlying error, if any.
func (e *KeyError) Unwrap() error { return e.Err }

// Key is an inspector's signing key as the keys folder lists it, without
// its private half.
type Key struct {
	Inspector string            `json:"inspector"`
	PublicKey ed25519.PublicKey `json:"-"`
	// Fingerprint is the hex SHA-256 of the public key.
	Fingerprint string    `json:"fingerprint"`
	Created     time.Time `json:"created"`
	// Path is the key's file, "" for a key read from a public key file.
	Path string `json:"path,omitempty"`
}

// PublicKeyBase64 is the public key in standard base64.
func (k Key) PublicKeyBase64() string { return base64.StdEncoding.EncodeToString(k.PublicKey) }

// ID is the short name of the key's file: the first 16 hex digits of its
// fingerprint.
func (k Key) ID() string { return k.Fingerprint[:16] }

// Fingerprint is the hex SHA-256 of an Ed25519 public key.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:])
}

// GroupFingerprint writes a fingerprint in groups of four hex digits, to
// be read out and compared by a person.
func GroupFingerprint(fp string) string {
	var b strings.Builder
	for i := 0; i < len(fp); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fp[i:min(i+4, len(fp))])
	}
	return b.String()
}

// normalFingerprint takes spaces and colons out of a written fingerprint
// and lower-cases it.
func normalFingerprint(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "SHA256:")
	return strings.ToLower(strings.NewReplacer(" ", "", ":", "").Replace(s))
}

// DefaultKeysDir is the folder of the signing keys: $WB_KEYS_DIR, else
// inspection-workbench/keys in the user's configuration directory — never
// the workspace.
func DefaultKeysDir() (string, error) {
	if d := os.Getenv(KeysDirEnv); d != "" {
		return filepath.Abs(d)
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the configuration directory for the signing keys (set %s): %w", KeysDirEnv, err)
	}
	return filepath.Join(cfg, "inspection-workbench", "keys"), nil
}

// KeyRing is the folder of an inspector's signing keys: one file per key,
// its public half and name readable, its private half encrypted with age
// under the key's passphrase.
type KeyRing struct {
	dir string
}

// OpenKeyRing opens the keys folder dir, or DefaultKeysDir when dir is "".
// The folder is made when the first key is.
func OpenKeyRing(dir string) (*KeyRing, error) {
	if dir == "" {
		d, err := DefaultKeysDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("keys folder %s: %w", dir, err)
	}
	return &KeyRing{dir: abs}, nil
}

// Dir is the keys folder.
func (r *KeyRing) Dir() string { return r.dir }

// CheckInspectorName says whether name can name a key: one line of
// printable text, not empty.
func CheckInspectorName(name string) error {
	n := strings.TrimSpace(name)
	if n == "" || !utf8.ValidString(n) || strings.IndexFunc(n, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0 {
		return &KeyError{Problem: KeyBadName, Key: name}
	}
	return nil
}

// CheckNewPassphrase checks a new key's passphrase, typed twice: the two
// must agree and be at least MinPassphraseLength characters long.
func CheckNewPassphrase(p, again string) error {
	if p != again {
		return &KeyError{Problem: KeyPassphraseMismatch}
	}
	if utf8.RuneCountInString(p) < MinPassphraseLength {
		return &KeyError{Problem: KeyWeakPassphrase}
	}
	return nil
}

// PassphraseStrength rates a passphrase from 0 (unusable) to 4 (strong) by
// its length and the kinds of characters in it, for a strength meter. It
// is a rough guide, not an estimate of an attacker's effort.
func PassphraseStrength(p string) int {
	n := utf8.RuneCountInString(p)
	if n < MinPassphraseLength {
		return 0
	}
	var lower, upper, digit, other, wide bool
	for _, r := range p {
		switch {
		case r > unicode.MaxASCII:
			// A Chinese character is one of thousands, not of 95: it
			// counts as two.
			n++
			wide = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, k := range []bool{lower, upper, digit, other, wide} {
		if k {
			kinds++
		}
	}
	score := 1
	if n >= 12 {
		score++
	}
	if n >= 16 {
		score++
	}
	if kinds >= 3 {
		score++
	}
	if kinds == 1 && n < 16 {
		score--
	}
	return max(1, min(score, 4))
}

// New makes an Ed25519 key pair for an inspector and keeps it in the keys
// folder, the private key encrypted with age under passphrase (scrypt).
func (r *KeyRing) New(inspector, passphrase string) (Key, error) {
	if err := CheckInspectorName(inspector); err != nil {
		return Key{}, err
	}
	if utf8.RuneCountInString(passphrase) < MinPassphraseLength {
		return Key{}, &KeyError{Problem: KeyWeakPassphrase}
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Key{}, fmt.Errorf("generate an Ed25519 key: %w", err)
	}
	k := Key{Inspector: strings.TrimSpace(inspector), PublicKey: pub, Fingerprint: Fingerprint(pub), Created: time.Now().UTC().Truncate(time.Second)}
	rcpt, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return Key{}, fmt.Errorf("encrypt the private key: %w", err)
	}
	rcpt.SetWorkFactor(ScryptWorkFactor)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\ninspector: %s\ned25519: %s\nfingerprint: %s\ncreated: %s\n\n", keyFileMagic, k.Inspector,
		k.PublicKeyBase64(), k.Fingerprint, k.Created.Format(time.RFC3339))
	aw := armor.NewWriter(&b)
	w, err := age.Encrypt(aw, rcpt)
	if err != nil {
		return Key{}, fmt.Errorf("encrypt the private key: %w", err)
	}
	if _, err := io.WriteString(w, seedMagic+base64.StdEncoding.EncodeToString(priv.Seed())+"\n"); err != nil {
		return Key{}, fmt.Errorf("encrypt the private key: %w", err)
	}
	if err := w.Close(); err != nil {
		return Key{}, fmt.Errorf("encrypt the private key: %w", err)
	}
	if err := aw.Close(); err != nil {
		return Key{}, fmt.Errorf("encrypt the private key: %w", err)
	}
	if err := os.MkdirAll(r.dir, 0o700); err != nil {
		return Key{}, fmt.Errorf("make the keys folder: %w", err)
	}
	k.Path = filepath.Join(r.dir, k.ID()+".key")
	tmp, err := os.CreateTemp(r.dir, ".new-*.key")
	if err != nil {
		return Key{}, fmt.Errorf("write the key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return Key{}, fmt.Errorf("write the key: %w", err)
	}
	if _, err := tmp.Write(b.Bytes()); err != nil {
		tmp.Close()
		return Key{}, fmt.Errorf("write the key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return Key{}, fmt.Errorf("write the key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return Key{}, fmt.Errorf("write the key: %w", err)
	}
	if err := os.Rename(tmp.Name(), k.Path); err != nil {
		return Key{}, fmt.Errorf("write the key: %w", err)
	}
	return k, nil
}

// readHeader reads the "name: value" lines at the top of a key or public
// key file, up to the first blank line or the end.
func readHeader(data []byte) (map[string]string, []byte) {
	h := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 4096), 64*1024)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		n += len(line) + 1
		t := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if t == "" {
			break
		}
		if strings.HasPrefix(t, "#") {
			continue
		}
		if name, value, ok := strings.Cut(t, ":"); ok {
			h[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(value)
		}
	}
	return h, data[min(n, len(data)):]
}

// keyFromHeader reads a key's public half from its header lines, checking
// that the fingerprint, when given, is the public key's.
func keyFromHeader(h map[string]string) (Key, bool) {
	pub, err := base64.StdEncoding.DecodeString(h["ed25519"])
	if err != nil || len(pub) != ed25519.PublicKeySize || CheckInspectorName(h["inspector"]) != nil {
		return Key{}, false
	}
	k := Key{Inspector: h["inspector"], PublicKey: pub, Fingerprint: Fingerprint(pub)}
	if fp := h["fingerprint"]; fp != "" && normalFingerprint(fp) != k.Fingerprint {
		return Key{}, false
	}
	if t, err := time.Parse(time.RFC3339, h["created"]); err == nil {
		k.Created = t
	}
	return k, true
}

// readKeyFile reads a private key file's public half and its encrypted
// private half.
func readKeyFile(path string) (Key, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Key{}, nil, fmt.Errorf("read key %s: %w", path, err)
	}
	if !bytes.HasPrefix(data, []byte(keyFileMagic+"\n")) {
		return Key{}, nil, &KeyError{Problem: KeyDamaged, Key: path}
	}
	h, rest := readHeader(data[len(keyFileMagic)+1:])
	k, ok := keyFromHeader(h)
	if !ok {
		return Key{}, nil, &KeyError{Problem: KeyDamaged, Key: path}
	}
	k.Path = path
	return k, rest, nil
}

// List gives the keys in the folder, by inspector and then fingerprint; a
// folder that does not exist yet holds none.
func (r *KeyRing) List() ([]Key, error) {
	ents, err := os.ReadDir(r.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the keys folder: %w", err)
	}
	var keys []Key
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".key") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		k, _, err := readKeyFile(filepath.Join(r.dir, e.Name()))
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Inspector != keys[j].Inspector {
			return keys[i].Inspector < keys[j].Inspector
		}
		return keys[i].Fingerprint < keys[j].Fingerprint
	})
	return keys, nil
}

// Find gives the key ref names: an inspector's name, or the first digits
// (at least 8) of its fingerprint, grouped or not.
func (r *KeyRing) Find(ref string) (Key, error) {
	keys, err := r.List()
	if err != nil {
		return Key{}, err
	}
	var found []Key
	fp := normalFingerprint(ref)
	for _, k := range keys {
		if k.Inspector == strings.TrimSpace(ref) || (len(fp) >= 8 && strings.HasPrefix(k.Fingerprint, fp)) {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		return Key{}, &KeyError{Problem: KeyNotFound, Key: ref}
	case 1:
		return found[0], nil
	}
	return Key{}, &KeyError{Problem: KeyAmbiguous, Key: ref}
}

// SigningKey is an unlocked private key, ready to sign.
type SigningKey struct {
	Key
	priv ed25519.PrivateKey
}

// Unlock decrypts a key's private half with its passphrase. A wrong
// passphrase is a *KeyError with KeyWrongPassphrase.
func (r *KeyRing) Unlock(k Key, passphrase string) (*SigningKey, error) {
	path := k.Path
	if path == "" {
		path = filepath.Join(r.dir, k.ID()+".key")
	}
	k, enc, err := readKeyFile(path)
	if err != nil {
		return nil, err
	}
	if passphrase == "" {
		return nil, &KeyError{Problem: KeyWrongPassphrase, Key: k.Inspector}
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, &KeyError{Problem: KeyWrongPassphrase, Key: k.Inspector, Err: err}
	}
	plain, err := age.Decrypt(armor.NewReader(bytes.NewReader(enc)), id)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) || errors.Is(err, age.ErrIncorrectIdentity) {
			return nil, &KeyError{Problem: KeyWrongPassphrase, Key: k.Inspector, Err: err}
		}
		return nil, &KeyError{Problem: KeyDamaged, Key: path, Err: err}
	}
	body, err := io.ReadAll(io.LimitReader(plain, 4096))
	if err != nil {
		return nil, &KeyError{Problem: KeyDamaged, Key: path, Err: err}
	}
	seed, err := base64.StdEncoding.DecodeString(strings.TrimSpace(strings.TrimPrefix(string(body), seedMagic)))
	if !bytes.HasPrefix(body, []byte(seedMagic)) || err != nil || len(seed) != ed25519.SeedSize {
		return nil, &KeyError{Problem: KeyDamaged, Key: path}
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if !bytes.Equal(priv.Public().(ed25519.PublicKey), k.PublicKey) {
		return nil, &KeyError{Problem: KeyDamaged, Key: path, Detail: "its private key does not belong to its public key"}
	}
	return &SigningKey{Key: k, priv: priv}, nil
}

// PublicFile is the key's public key file, to hand to colleagues and
// auditors: the inspector's name, the public key and its fingerprint.
func (k Key) PublicFile() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n# 检查工作台公钥 — give this file to colleagues and auditors; it holds no secret.\n", publicFileMagic)
	fmt.Fprintf(&b, "inspector: %s\ned25519: %s\nfingerprint: %s\n", k.Inspector, k.PublicKeyBase64(), GroupFingerprint(k.Fingerprint))
	if !k.Created.IsZero() {
		fmt.Fprintf(&b, "created: %s\n", k.Created.UTC().Format(time.RFC3339))
	}
	return b.Bytes()
}

// ParsePublicFile reads a public key file written by Key.PublicFile; name
// is the file's name for the error.
func ParsePublicFile(name string, data []byte) (Key, error) {
	if !bytes.HasPrefix(bytes.TrimPrefix(data, []byte("\ufeff")), []byte(publicFileMagic)) {
		return Key{}, &KeyError{Problem: KeyBadPublicFile, Key: name}
	}
	h, _ := readHeader(data)
	k, ok := keyFromHeader(h)
	if !ok {
		return Key{}, &KeyError{Problem: KeyBadPublicFile, Key: name, Detail: "its key, fingerprint or name is damaged"}
	}
	return k, nil
}

// ReadPublicFile reads a public key file.
func ReadPublicFile(path string) (Key, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Key{}, fmt.Errorf("read public key file: %w", err)
	}
	return ParsePublicFile(path, data)
}
