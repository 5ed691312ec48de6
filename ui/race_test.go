//go:build race

package ui

// raceDetector says the tests run with -race, where drawing a window is
// many times slower: the states test then captures only a few views.
const raceDetector = true
