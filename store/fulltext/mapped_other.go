//go:build !linux

package fulltext

// dropMapped does nothing where the index's peak resident memory was not
// measured (see mapped_linux.go).
func dropMapped(addr uintptr, n int) error { return nil }
