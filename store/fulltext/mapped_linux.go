//go:build linux

package fulltext

import "golang.org/x/sys/unix"

// dropMapped tells the kernel that the process no longer needs the pages
// of the n bytes mapped at addr, a read-only shared mapping of a segment
// file: they leave the process's resident set (RSS) and stay in the page
// cache, and the next read maps them again from there, as a minor fault.
func dropMapped(addr uintptr, n int) error {
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, addr, uintptr(n), unix.MADV_DONTNEED)
	if errno != 0 {
		return errno
	}
	return nil
}
