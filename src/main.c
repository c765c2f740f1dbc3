/* SPDX-License-Identifier: MIT */
/* main.c - options and dispatch */
#include "config.h"

#include <stdio.h>

#include "i18n.h"

int main(void) { i18n_init("fr"); puts(_("Yes")); return 0; }
