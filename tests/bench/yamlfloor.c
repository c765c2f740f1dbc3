/* SPDX-License-Identifier: MIT */
/* yamlfloor.c - the floor for loading a tree: a bare libyaml event loop */
#include "config.h"

#include <stdio.h>

#include <yaml.h>

/*
 * usage: yamlfloor FILE
 *
 * Parses FILE with libyaml's event API and throws every event away: no
 * tree is built and nothing is checked, so no loader can be faster with
 * the same parser. Prints the number of events; exits 65 on a YAML error.
 */
int
main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned long long events = 0;
	FILE *fp;
	int done = 0, status = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: yamlfloor FILE\n");
		return 64;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 66;
	}
	if (!yaml_parser_initialize(&parser)) {
		fprintf(stderr, "yamlfloor: out of memory\n");
		return 70;
	}
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: %s\n", argv[1],
			    parser.problem_mark.line + 1,
			    parser.problem_mark.column + 1,
			    parser.problem != NULL ? parser.problem : "error");
			status = 65;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	fclose(fp);
	if (status == 0)
		printf("%llu events\n", events);
	return status;
}
