#ifndef ECSROLE_CNCURSES_SHIM_H
#define ECSROLE_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Swift 6 rejects C globals as shared mutable state and cannot see function-like macros;
// these accessors expose exactly what NcursesBackend needs.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline int shim_key_f(int n) { return KEY_F(n); }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_italic(void) { return A_ITALIC; }
static inline int shim_set_attr(attr_t attrs, int pair) { return wattr_set(stdscr, attrs, (short)pair, NULL); }
static inline int shim_get_maxy(WINDOW *w) { return getmaxy(w); }
static inline int shim_get_maxx(WINDOW *w) { return getmaxx(w); }

// Mouse masks are macros built from other macros.
static inline mmask_t shim_mouse_all(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t shim_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t shim_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t shim_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_button1_double(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t shim_button3_clicked(void) { return BUTTON3_CLICKED | BUTTON3_PRESSED; }
static inline mmask_t shim_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t shim_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t shim_button5_pressed(void) { return 0; }
#endif

// Termination signals only set a flag (async-signal-safe); the run loop notices it, restores the
// terminal and re-raises the signal with its default action.
static volatile sig_atomic_t shim_signal_flag = 0;
static inline void shim_signal_handler(int sig) { shim_signal_flag = sig; }
static inline void shim_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = shim_signal_handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}
static inline int shim_pending_signal(void) { return shim_signal_flag; }
static inline void shim_reraise(int sig) {
    signal(sig, SIG_DFL);
    raise(sig);
}
// Crashes (a Swift trap is SIGILL/SIGTRAP; also SIGSEGV, SIGBUS, SIGFPE, SIGABRT): give the terminal
// back first, then hand the signal to whatever handler was there before (Swift's backtracer).
// endwin is not async-signal-safe, but the process is dying and a raw-mode shell is worse.
// Function-local static: Swift's importer emits it with the function (a file-scope array is dropped).
static inline struct sigaction *shim_old_crash(int sig) {
    static struct sigaction old[32];
    return &old[sig & 31];
}
static inline void shim_crash_handler(int sig) {
    static const char off[] = "\033[?2004l\033[?1000l\033[?1002l\033[?1006l";
    endwin();
    (void)!write(1, off, sizeof off - 1);
    sigaction(sig, shim_old_crash(sig), NULL);
    raise(sig);
}
static inline void shim_install_crash_handlers(void) {
    int sigs[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = shim_crash_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER;
        sigaction(sigs[i], &sa, shim_old_crash(sigs[i]));
    }
}
// Ctrl-Z: stop with the default SIGTSTP action; returns after SIGCONT.
static inline void shim_stop_self(void) {
    void (*old)(int) = signal(SIGTSTP, SIG_DFL);
    kill(getpid(), SIGTSTP);
    signal(SIGTSTP, old);
}
#endif
