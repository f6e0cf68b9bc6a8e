//go:build !linux

package main

// lowerPriority is a no-op where niceness is not per thread: run kerko index
// under nice(1) there.
func lowerPriority() {}
