/* SPDX-License-Identifier: MIT */
/* runstat.c - run a command; print its wall time, CPU time and peak RSS */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <stdio.h>
#include <time.h>
#include <unistd.h>

/*
 * usage: runstat COMMAND [ARG]...
 *
 * Runs COMMAND and, when it has exited, prints one line to standard error:
 *   runstat: wall=SECONDS cpu=SECONDS maxrss_kb=KIB status=N
 * A small program of its own, because a child's ru_maxrss counts what its
 * process held before exec(): forked from a Python interpreter it would
 * never read less than the interpreter's size.
 */
int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int status;

	if (argc < 2) {
		fprintf(stderr, "usage: runstat COMMAND [ARG]...\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0) {
		perror("runstat: fork");
		return 71;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("runstat: wait4");
		return 71;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "runstat: wall=%.6f cpu=%.6f maxrss_kb=%ld status=%d\n",
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
	    ru.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status));
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
