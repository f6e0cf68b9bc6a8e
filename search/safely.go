package search

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
)

// ErrInternal wraps a panic raised while reading index data (a corrupt
// segment, a malformed stored record Bleve trusts): it fails the one
// request that met it, never the process.
var ErrInternal = errors.New("internal error reading the index")

// safely runs fn and turns a panic in it into an error wrapping ErrInternal,
// logged once with its stack. Every goroutine that reads index data runs its
// work through safely. The index is mapped into memory: a fault reading it
// (SIGBUS, from a file truncated under the server) is made a panic too, for
// the goroutine running fn, where it would otherwise end the process.
func safely(what string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			slog.Error("panic reading the index", "in", what, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("%s: %w: %v", what, ErrInternal, r)
		}
	}()
	return fn()
}

// safely1 is safely for a function with a result.
func safely1[T any](what string, fn func() (T, error)) (v T, err error) {
	err = safely(what, func() error {
		var err error
		v, err = fn()
		return err
	})
	return v, err
}
