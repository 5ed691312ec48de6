package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// BlobStore keeps files byte-for-byte under the hex SHA-256 of their
// content: blobs/sha256/ab/abcdef…. A blob is written to a temporary file
// and renamed into place, so a reader never sees half a file and writing
// the same content twice stores it once.
type BlobStore struct {
	root string
}

func newBlobStore(root string) (*BlobStore, error) {
	for _, d := range []string{filepath.Join(root, "sha256"), filepath.Join(root, "tmp")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("create blob folder: %w", err)
		}
	}
	return &BlobStore{root: root}, nil
}

// path is where the blob with the given hex digest lives.
func (b *BlobStore) path(sum string) (string, error) {
	if len(sum) != sha256.Size*2 {
		return "", fmt.Errorf("blob %q: not a SHA-256 hex digest", sum)
	}
	if _, err := hex.DecodeString(sum); err != nil {
		return "", fmt.Errorf("blob %q: not a SHA-256 hex digest", sum)
	}
	return filepath.Join(b.root, "sha256", sum[:2], sum), nil
}

// Put copies r into the store and returns the content's hex SHA-256 and
// size. Content already stored is not written again.
func (b *BlobStore) Put(r io.Reader) (sum string, size int64, err error) {
	tmp, err := os.CreateTemp(filepath.Join(b.root, "tmp"), "put-*")
	if err != nil {
		return "", 0, fmt.Errorf("store blob: %w", err)
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	size, err = io.Copy(io.MultiWriter(tmp, h), r)
	if err != nil {
		return "", 0, fmt.Errorf("store blob: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, fmt.Errorf("store blob: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", 0, fmt.Errorf("store blob: %w", err)
	}
	sum = hex.EncodeToString(h.Sum(nil))
	dst, _ := b.path(sum)
	if _, err := os.Stat(dst); err == nil {
		return sum, size, nil // already stored; the deferred clean-up drops the copy
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return "", 0, fmt.Errorf("store blob %s: %w", sum, err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", 0, fmt.Errorf("store blob %s: %w", sum, err)
	}
	tmp = nil
	return sum, size, nil
}

// Has reports whether the blob is stored.
func (b *BlobStore) Has(sum string) (bool, error) {
	p, err := b.path(sum)
	if err != nil {
		return false, err
	}
	_, err = os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// Open opens a stored blob for reading.
func (b *BlobStore) Open(sum string) (*os.File, error) {
	p, err := b.path(sum)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("blob %s: %w", sum, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("open blob %s: %w", sum, err)
	}
	return f, nil
}

// Remove deletes a blob. Callers remove only blobs no submission refers to.
func (b *BlobStore) Remove(sum string) error {
	p, err := b.path(sum)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove blob %s: %w", sum, err)
	}
	_ = os.Remove(filepath.Dir(p)) // the fan-out folder, when now empty
	return nil
}

// sweepBlobs removes what an interrupted import can leave behind: partial
// copies in blobs/tmp and blobs no submission refers to (the process
// stopped between storing the file and committing its records). It runs
// when the workspace is opened, under the workspace lock, so no import is
// in flight.
func (s *Store) sweepBlobs(ctx context.Context) error {
	tmp := filepath.Join(s.blobs.root, "tmp")
	if entries, err := os.ReadDir(tmp); err == nil {
		for _, e := range entries {
			_ = os.Remove(filepath.Join(tmp, e.Name()))
		}
	}
	root := filepath.Join(s.blobs.root, "sha256")
	fans, err := os.ReadDir(root)
	if err != nil {
		return nil // nothing stored yet
	}
	for _, fan := range fans {
		files, err := os.ReadDir(filepath.Join(root, fan.Name()))
		if err != nil {
			continue
		}
		for _, f := range files {
			used, err := s.BlobReferenced(ctx, f.Name())
			if err != nil {
				return fmt.Errorf("sweep blobs: %w", err)
			}
			if !used {
				if err := s.blobs.Remove(f.Name()); err != nil {
					return fmt.Errorf("sweep blobs: %w", err)
				}
			}
		}
	}
	return nil
}
