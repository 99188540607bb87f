// Package help holds the texts of `coauthnet help TOPIC`: for each of
// counting, blocs, drift and policy, the formulas and a worked example
// on the embedded sample, with the command that produced each number.
// The tests recompute the numbers, so a text cannot drift from what the
// code does.
package help

import (
	"embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed topics/*.txt
var topics embed.FS

// Topics returns the topic names, sorted.
func Topics() []string {
	entries, _ := topics.ReadDir("topics")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".txt"))
	}
	slices.Sort(names)
	return names
}

// Text returns the text of a topic (case does not matter), or an error
// that lists the topics.
func Text(topic string) (string, error) {
	name := strings.ToLower(strings.TrimSpace(topic))
	if slices.Contains(Topics(), name) {
		b, err := topics.ReadFile("topics/" + name + ".txt")
		return string(b), err
	}
	return "", fmt.Errorf("no help topic %q (topics: %s)", topic, strings.Join(Topics(), ", "))
}
