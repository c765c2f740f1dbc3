# SPDX-License-Identifier: MIT
# lib.sh - helpers for the tmux end-to-end tests (sourced)
