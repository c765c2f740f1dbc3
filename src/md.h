/* SPDX-License-Identifier: MIT */
/* md.h - text written into Markdown so that it renders as written */
#ifndef KW_MD_H
#define KW_MD_H

/*
 * `s` (already clean, see text_clean) as CommonMark that renders as the
 * same text: backslash, backtick, '*', '_', '[', ']', '<', '&', '|' and '~'
 * escaped everywhere; at the start of a word (where a wrapped line may
 * begin) '#', '>', a '+' or '-' list marker, a word of only '-' or '='
 * (a thematic break or setext underline) and the '.' or ')' of a number
 * that would start an ordered list. Spaces at the start and end of a line,
 * which Markdown does not render, are dropped (four of them would start a
 * code block). The result may be wrapped at spaces and stays literal.
 * Caller frees.
 */
char *md_escape(const char *s);

/* text_clean() then md_escape(): tree text, a note, a pasted message. */
char *md_text(const char *s);

/* md_text() on one line: newlines become spaces (a heading, a link's text,
 * a list item's label). */
char *md_line(const char *s);

/* Whether `url` can be written as a CommonMark autolink "<url>": a scheme,
 * ':', then no space, control character, '<' or '>'. */
int md_autolink_ok(const char *url);

#endif
