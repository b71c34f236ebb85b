// Package shikayat is the domain of a complaint desk for police that takes
// its complaints from X (Twitter).
//
// A citizen tags the police account in a post; the desk decides whether it is
// a complaint, issues a docket code, replies with it, routes the complaint to
// one of Uttar Pradesh's 75 districts and on to a police station, and keeps an
// append-only trail of every action until the complaint is closed.
//
// This package holds the nouns and rules of that work — complaints, stages and
// the actions that move them, docket codes, units, users and roles, posts and
// triage results, and the errors the rest of the program speaks in. It imports
// only the standard library. Storage, X, triage models and the web live in the
// packages under internal/, which implement the interfaces declared here.
package shikayat
