package api

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// A Group is one row of a group_by response.
type Group struct {
	Key         Key   `json:"key"`
	DisplayName Key   `json:"key_display_name"`
	Count       int64 `json:"count"`
}

// Key is a group key as text: a JSON string as is, a number or a
// boolean as written, null as "".
type Key string

// UnmarshalJSON implements [json.Unmarshaler].
func (k *Key) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case string:
		*k = Key(v)
	case nil:
		*k = ""
	case float64, bool:
		*k = Key(strings.TrimSpace(string(b)))
	default:
		return fmt.Errorf("group key %s is not a string, number or boolean", b)
	}
	return nil
}

// GroupsResult is what GroupBy fetched.
type GroupsResult struct {
	Groups []Group
	// GroupsCount is meta.groups_count of the first page (-1 when the
	// API did not send it); Count is meta.count, the works matched.
	GroupsCount int64
	Count       int64
	Pages       int
}

// GroupBy counts the works of q grouped by a field (group_by=, e.g.
// "authorships.countries"), paging with cursors through every group.
// q.Select is ignored: the API does not combine select with group_by.
func (c *Client) GroupBy(ctx context.Context, q Query, field string) (*GroupsResult, error) {
	res := &GroupsResult{GroupsCount: -1}
	cursor := "*"
	for {
		params := url.Values{}
		if q.Filter != "" {
			params.Set("filter", q.Filter)
		}
		if q.Search != "" {
			params.Set("search", q.Search)
		}
		params.Set("group_by", field)
		params.Set("per_page", "200") // groups per page (the documented maximum for group_by)
		params.Set("cursor", cursor)
		body, err := c.get(ctx, "/works", params)
		if err != nil {
			return nil, fmt.Errorf("%w (group_by page %d)", err, res.Pages+1)
		}
		p, err := parsePage(body, res.Pages+1, cursor)
		if err != nil {
			return nil, err
		}
		if p.GroupBy == nil {
			return nil, &PageError{Page: res.Pages + 1, Cursor: cursor, Err: fmt.Errorf("no group_by array")}
		}
		res.Pages++
		if res.Pages == 1 {
			res.Count = *p.Meta.Count
			if p.Meta.GroupsCount != nil {
				res.GroupsCount = *p.Meta.GroupsCount
			}
		}
		res.Groups = append(res.Groups, p.GroupBy...)
		if p.Meta.NextCursor == nil || *p.Meta.NextCursor == "" || len(p.GroupBy) == 0 {
			return res, nil
		}
		cursor = *p.Meta.NextCursor
	}
}

// WriteCSV writes groups as CSV with the header key,display_name,count,
// in the order the API returned them.
func WriteCSV(w io.Writer, groups []Group) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"key", "display_name", "count"})
	for _, g := range groups {
		cw.Write([]string{string(g.Key), string(g.DisplayName), strconv.FormatInt(g.Count, 10)})
	}
	cw.Flush()
	return cw.Error()
}
