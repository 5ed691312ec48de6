//go:build !race

package ui

// raceDetector says the tests run with -race (see race_test.go).
const raceDetector = false
