package query

// Must and Not are Expr's text part in conjunctive normal form: an AND of
// clauses, each an OR of terms (Must) or one negated term (Not). Today's
// syntax (words, phrases, -exclusions, OR between words) is already that
// shape; parentheses are distributed ((a b) OR c is (a OR c) (b OR c)), and
// NOT pushed down to the terms (NOT (a OR b) is -a -b). What that shape
// cannot hold is left out, and Approx says so: it only ever widens the
// query. Field filters are not text: the caller lifts them.

// literal is a term, negated or not.
type literal struct {
	t   Term
	neg bool
}

// cnf is a conjunction of clauses; nil (no clause) is true. ok is false when
// something was left out.
type cnf [][]literal

func (q *Query) flatten() {
	c, exact := toCNF(q.Expr, false, 0)
	q.Approx = !exact
	n := 0
	for _, cl := range c {
		if n+len(cl) > MaxTerms {
			q.Approx = true
			break
		}
		n += len(cl)
		negs := 0
		for _, l := range cl {
			if l.neg {
				negs++
			}
		}
		switch {
		case negs == 0:
			alts := make([]Term, len(cl))
			for i, l := range cl {
				alts[i] = l.t
			}
			q.Must = append(q.Must, Clause{Alts: alts})
		case len(cl) == 1:
			q.Not = append(q.Not, Clause{Alts: []Term{cl[0].t}})
		default:
			// "a OR NOT b" has no place in Must or Not.
			q.Approx = true
		}
	}
}

// toCNF returns n (negated when neg) in conjunctive normal form, and
// whether that is exact. inFormula counts the enclosing OR and NOT nodes:
// a filter there cannot be lifted, so leaving it out is an approximation.
func toCNF(n *Node, neg bool, inFormula int) (cnf, bool) {
	if n == nil {
		return nil, true
	}
	switch n.Op {
	case OpTerm:
		return cnf{{{t: n.Term, neg: neg}}}, true
	case OpFilter:
		return nil, inFormula == 0 && !neg
	case OpNot:
		return toCNF(n.Kids[0], !neg, inFormula+1)
	}
	// De Morgan: a negated AND is an OR of negations, and the reverse.
	isAnd := (n.Op == OpAnd) != neg
	exact := true
	if isAnd {
		var out cnf
		for _, k := range n.Kids {
			c, ok := toCNF(k, neg, inFormula+boolInt(n.Op == OpOr || neg))
			exact = exact && ok
			out = append(out, c...)
		}
		return out, exact
	}
	// An OR of CNFs: every way of picking one clause from each.
	out := cnf{nil}
	for _, k := range n.Kids {
		c, ok := toCNF(k, neg, inFormula+1)
		exact = exact && ok
		if len(c) == 0 {
			// One alternative is always true, or was left out: so is
			// the OR.
			return nil, exact
		}
		var next cnf
		size := 0
		for _, a := range out {
			for _, b := range c {
				cl := append(append([]literal(nil), a...), b...)
				size += len(cl)
				next = append(next, cl)
			}
		}
		if size > MaxTerms {
			// Too large to distribute: any of the OR's terms, which
			// every match of it has.
			return anyTerm(n), false
		}
		out = next
	}
	return out, exact
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// anyTerm is one clause of every term under n, when n has no negation and
// no filter (then it is nil: true).
func anyTerm(n *Node) cnf {
	var cl []literal
	ok := true
	var walk func(n *Node)
	walk = func(n *Node) {
		switch n.Op {
		case OpTerm:
			cl = append(cl, literal{t: n.Term})
		case OpFilter, OpNot:
			ok = false
		default:
			for _, k := range n.Kids {
				walk(k)
			}
		}
	}
	walk(n)
	if !ok || len(cl) > MaxTerms {
		return nil
	}
	return cnf{cl}
}
