package main

import (
	"os"
	"strconv"
	"syscall"
)

// indexNice is the scheduling niceness kerko index runs at: a build is
// background work, and a kerko serve on the same machine must win the CPU
// so that its searches stay fast while the index is rebuilt.
const indexNice = 10

// lowerPriority renices every thread of this process. On Linux niceness
// belongs to threads, not processes, and a new thread inherits it from the
// thread that creates it, so renicing the threads that exist now covers the
// ones the Go runtime starts later.
func lowerPriority() {
	for pass := 0; pass < 2; pass++ { // a thread born during the first pass
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			syscall.Setpriority(syscall.PRIO_PROCESS, 0, indexNice)
			return
		}
		for _, t := range tasks {
			if tid, err := strconv.Atoi(t.Name()); err == nil {
				syscall.Setpriority(syscall.PRIO_PROCESS, tid, indexNice)
			}
		}
	}
}
