//go:build !linux

package app

// lowerBackgroundThreads does nothing where threads cannot be told apart
// and lowered this way; the spare scheduler slot (Interactive) still keeps
// the window from waiting for one.
func lowerBackgroundThreads() {}
