//go:build race

package fulltext

func init() { raceEnabled = true }
