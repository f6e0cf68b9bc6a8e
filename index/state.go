package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// StateKind is what an index directory holds, as a server starting on it
// or a build updating it needs to know. Decisions are made on the kind;
// messages are made from the State.
type StateKind int

const (
	// StateEmpty: the directory is missing, or holds nothing but kerko's
	// lock and generations that builds left unfinished. The only state in
	// which kerko serve indexes the embedded seed corpus.
	StateEmpty StateKind = iota
	// StatePublished: CURRENT names a complete generation built by this
	// kerko whose files have the sizes its manifest recorded.
	StatePublished
	// StateNotIndex: no CURRENT and no generation, but other files: not a
	// directory kerko made.
	StateNotIndex
	// StateUnreadable: the directory itself cannot be listed.
	StateUnreadable
	// StateNoPointer: generations are present but CURRENT is missing.
	StateNoPointer
	// StateBadPointer: CURRENT is not a plain file holding a generation's
	// name (other text, a symbolic link, a directory, unreadable).
	StateBadPointer
	// StateMissingGeneration: CURRENT names a generation that is not there.
	StateMissingGeneration
	// StateNoMarker: the generation CURRENT names has no completion marker.
	StateNoMarker
	// StateBadMarker: its completion marker cannot be read or parsed.
	StateBadMarker
	// StateVersion: it was built by a kerko with another mapping, analyzers
	// or extraction; it needs a full rebuild.
	StateVersion
	// StateDamaged: its files do not match its manifest (a file missing,
	// truncated or grown, the manifest itself damaged) or a file Bleve
	// needs is empty.
	StateDamaged
)

var stateNames = [...]string{"empty", "published", "not an index", "unreadable", "no CURRENT", "bad CURRENT",
	"missing generation", "no completion marker", "bad completion marker", "other version", "damaged"}

func (k StateKind) String() string {
	if int(k) < len(stateNames) {
		return stateNames[k]
	}
	return fmt.Sprintf("StateKind(%d)", int(k))
}

// GenInfo describes a complete generation found in an index directory.
type GenInfo struct {
	Name     string
	Articles int
	Built    time.Time
}

func (g GenInfo) String() string {
	return fmt.Sprintf("%s (%d articles, built %s)", g.Name, g.Articles, g.Built.UTC().Format("2006-01-02 15:04 UTC"))
}

// State is what ReadState found in an index directory.
type State struct {
	Dir  string
	Kind StateKind
	// Generation is the generation CURRENT names, if it names one.
	Generation string
	// File is the file at fault (CURRENT, a marker, a segment), if any.
	File string
	// Cause is the error behind the kind, if one was met.
	Cause error
	// Version is the version the generation was built with (StateVersion,
	// StatePublished).
	Version string
	// Articles is the number of articles in the published generation.
	Articles int
	// Alternatives are the complete generations this kerko could serve
	// instead, newest first; only filled in when Kind is not
	// StatePublished, for the message.
	Alternatives []GenInfo
	// Foreign names a few entries that made the directory StateNotIndex.
	Foreign []string
}

// GenDir is the directory of the generation CURRENT names.
func (s State) GenDir() string {
	if s.Generation == "" {
		return ""
	}
	return filepath.Join(s.Dir, s.Generation)
}

// Err is nil when a generation is published and can be opened, and
// otherwise a *StateError saying what is wrong and how to fix it.
func (s State) Err() error {
	if s.Kind == StatePublished {
		return nil
	}
	return &StateError{State: s}
}

// StateError is an index directory that cannot be served or updated as it
// is. errors.Is matches ErrNoIndex for an empty directory and ErrVersion
// for a generation built by another kerko version.
type StateError struct {
	State State
}

func (e *StateError) Error() string { return e.State.message() }

func (e *StateError) Is(target error) bool {
	switch target {
	case ErrNoIndex:
		return e.State.Kind == StateEmpty
	case ErrVersion:
		return e.State.Kind == StateVersion
	}
	return false
}

func (e *StateError) Unwrap() error { return e.State.Cause }

// genEntry is a generation directory as a listing shows it.
type genEntry struct {
	name     string
	n        int
	meta     *meta
	metaErr  error
	manifest bool // manifest.json is present
}

// hasData reports whether a build completed the generation's data: only the
// last steps of a build write the manifest and then the marker, so a
// directory with neither is a build that never finished.
func (g genEntry) hasData() bool {
	return g.metaErr == nil || !errors.Is(g.metaErr, os.ErrNotExist) || g.manifest
}

// scanDir lists the generations of dir, oldest first, and up to three
// entries kerko did not make.
func scanDir(dir string) (gens []genEntry, foreign []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if n, ok := genNumber(name); ok && e.IsDir() {
			g := genEntry{name: name, n: n}
			p := filepath.Join(dir, name)
			g.meta, g.metaErr = readMeta(p)
			_, merr := os.Lstat(filepath.Join(p, manifestFile))
			g.manifest = merr == nil
			gens = append(gens, g)
			continue
		}
		switch {
		case name == currentFile, name == lockFile, strings.HasPrefix(name, "."), name == "lost+found":
		case len(foreign) < 3:
			foreign = append(foreign, name)
		}
	}
	sort.Slice(gens, func(i, j int) bool { return gens[i].n < gens[j].n })
	return gens, foreign, nil
}

// ReadState looks at dir without changing anything in it: what CURRENT
// holds, whether the generation it names is complete, built by this kerko
// and of the sizes its manifest recorded (VerifySizes), and, when not, which
// complete generations could be published instead.
func ReadState(dir string) State {
	s := State{Dir: dir}
	gens, foreign, err := scanDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return s // StateEmpty
	}
	if err != nil {
		s.Kind, s.Cause = StateUnreadable, err
		return s
	}
	s.Kind = s.classify(gens, foreign)
	if s.Kind != StatePublished {
		s.Alternatives = alternatives(dir, gens, s.Generation)
	}
	return s
}

func (s *State) classify(gens []genEntry, foreign []string) StateKind {
	name, err := readPointer(s.Dir)
	switch {
	case errors.Is(err, errNoPointer):
		for _, g := range gens {
			if g.hasData() {
				return StateNoPointer
			}
		}
		if len(foreign) > 0 {
			s.Foreign = foreign
			return StateNotIndex
		}
		return StateEmpty
	case err != nil:
		s.File, s.Cause = filepath.Join(s.Dir, currentFile), err
		return StateBadPointer
	}
	s.Generation = name
	var g *genEntry
	for i := range gens {
		if gens[i].name == name {
			g = &gens[i]
		}
	}
	genDir := filepath.Join(s.Dir, name)
	switch {
	case g == nil:
		return StateMissingGeneration
	case errors.Is(g.metaErr, os.ErrNotExist):
		s.File = filepath.Join(genDir, metaFile)
		return StateNoMarker
	case g.metaErr != nil:
		s.File, s.Cause = filepath.Join(genDir, metaFile), g.metaErr
		return StateBadMarker
	}
	s.Version, s.Articles = g.meta.Version, g.meta.Articles
	if g.meta.Version != MappingVersion {
		return StateVersion
	}
	if err := VerifySizes(genDir); err != nil {
		s.Cause = err
		s.File = filepath.Join(genDir, manifestFile) // the manifest could not be read
		var fe *FileError
		if errors.As(err, &fe) {
			s.File = filepath.Join(genDir, filepath.FromSlash(fe.Check.Path))
		}
		return StateDamaged
	}
	return StatePublished
}

// alternatives lists the complete generations other than except that this
// kerko could serve, newest first.
func alternatives(dir string, gens []genEntry, except string) []GenInfo {
	var out []GenInfo
	for i := len(gens) - 1; i >= 0; i-- {
		g := gens[i]
		if g.name == except || g.metaErr != nil || g.meta.Version != MappingVersion {
			continue
		}
		if VerifySizes(filepath.Join(dir, g.name)) != nil {
			continue
		}
		out = append(out, GenInfo{Name: g.name, Articles: g.meta.Articles, Built: g.meta.Built})
	}
	return out
}

// message says what is wrong with the directory, naming the file at
// fault, then how to fix it.
func (s State) message() string {
	var b strings.Builder
	cur := filepath.Join(s.Dir, currentFile)
	switch s.Kind {
	case StatePublished:
		return fmt.Sprintf("index %s: %s is published (%d articles)", s.Dir, s.Generation, s.Articles)
	case StateEmpty:
		fmt.Fprintf(&b, "no index in %s yet", s.Dir)
		fmt.Fprintf(&b, "\n  build one: kerko index --index %s --corpus YOUR-CORPUS", shellQuote(s.Dir))
		return b.String()
	case StateNotIndex:
		fmt.Fprintf(&b, "%s holds no kerko index (no CURRENT, no generation) but is not empty (%s)", s.Dir, strings.Join(s.Foreign, ", "))
		fmt.Fprintf(&b, "\n  kerko serve puts the demo index only into an empty or new directory: give --index another one,"+
			"\n  or build your own index here: kerko index --index %s --corpus YOUR-CORPUS", shellQuote(s.Dir))
		return b.String()
	case StateUnreadable:
		return fmt.Sprintf("cannot read index directory %s: %v", s.Dir, s.Cause)
	case StateNoPointer:
		fmt.Fprintf(&b, "%s is missing, so no generation of the index is published", cur)
	case StateBadPointer:
		fmt.Fprintf(&b, "%s should hold the name of a generation, such as gen-000001, but %v", cur, s.Cause)
	case StateMissingGeneration:
		fmt.Fprintf(&b, "%s names %s, but there is no %s", cur, s.Generation, s.GenDir())
	case StateNoMarker:
		fmt.Fprintf(&b, "%s is missing: %s, the generation CURRENT names, was damaged or never finished", s.File, s.Generation)
		fmt.Fprintf(&b, "\n  check its files: kerko index --check --index %s --generation %s", shellQuote(s.Dir), s.Generation)
	case StateBadMarker:
		fmt.Fprintf(&b, "the completion marker of %s, the generation CURRENT names, is damaged: %v", s.Generation, s.Cause)
		fmt.Fprintf(&b, "\n  check its files: kerko index --check --index %s --generation %s", shellQuote(s.Dir), s.Generation)
	case StateVersion:
		fmt.Fprintf(&b, "%s was built by another kerko version (index %s, this kerko %s)", s.GenDir(), s.Version, MappingVersion)
		fmt.Fprintf(&b, "\n  rebuild it: kerko index --full --index %s --corpus YOUR-CORPUS", shellQuote(s.Dir))
		return b.String()
	case StateDamaged:
		fmt.Fprintf(&b, "%s, the generation CURRENT names, is damaged: %v", s.Generation, s.Cause)
		fmt.Fprintf(&b, "\n  check every file: kerko index --check --index %s", shellQuote(s.Dir))
	}
	if len(s.Alternatives) == 0 {
		b.WriteString("\n  no other complete generation is here")
	} else {
		names := make([]string, len(s.Alternatives))
		for i, g := range s.Alternatives {
			names[i] = g.String()
		}
		fmt.Fprintf(&b, "\n  complete generations here: %s", strings.Join(names, ", "))
		publish := fmt.Sprintf("printf '%s\\n' > %s", s.Alternatives[0].Name, shellQuote(cur))
		var pe *pointerError
		if errors.As(s.Cause, &pe) {
			switch pe.problem {
			case pointerSymlink:
				// printf would write through the link into its target.
				publish = fmt.Sprintf("rm %s && %s", shellQuote(cur), publish)
			case pointerNotFile:
				publish = fmt.Sprintf("move %s out of the way, then %s", cur, publish)
			}
		}
		fmt.Fprintf(&b, "\n  to publish %s: %s", s.Alternatives[0].Name, publish)
	}
	fmt.Fprintf(&b, "\n  to rebuild from your corpus: kerko index --full --index %s --corpus YOUR-CORPUS", shellQuote(s.Dir))
	b.WriteString("\n  nothing in the directory was changed")
	return b.String()
}

// shellQuote quotes s for a POSIX shell when it needs it, so that a fix
// can be pasted as it is printed.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+=:,@%", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
