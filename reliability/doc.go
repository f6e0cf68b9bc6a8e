// Package reliability tests the real kerko binary under faults: SIGTERM
// under load, `kerko index --full` publishing while the server is loaded,
// a full disk and a read-only index directory, index directories damaged
// by hand or by the disk (store_test.go: refused with the fix, never
// replaced; corrupt segments never carried forward; --check), and signals
// at any point of a build. It has no code of its own;
// its tests build cmd/kerko once and drive it as separate processes, so
// they live apart from the command's own tests.
//
// The load run on the whole bench corpus is scripts/load.sh with
// cmd/kerko-load; the in-process HTTP abuse, XSS, path and deadline tests
// are in package web.
package reliability
