#ifndef ECSROLE_CCURL_H
#define ECSROLE_CCURL_H
// HTTP(S) through the system's libcurl, loaded with dlopen on the first request.
//
// Why not link libcurl (or Foundation's URLSession, which links it): libcurl and the ~35 libraries
// it pulls in (TLS, Kerberos, LDAP, IDN, ...) were loaded and relocated at every start of every
// command, ~6 ms of CPU, while only the live-AWS commands ever send a request. Loading on first use
// also lets `lint`, `generate` and the wizard run on a machine without libcurl at all.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The answer to one request. `body` and `headers` are malloc'ed by the shim; free them with
/// `ccurl_result_free`. `error` holds libcurl's message when `ccurl_perform` returns non-zero.
typedef struct {
    long status;
    unsigned char *body;
    size_t body_length;
    /// The raw header lines of the last response, "Name: value\r\n" each, after its status line.
    char *headers;
    size_t headers_length;
    char error[256];
} ccurl_result;

/// 0 when libcurl could be loaded (once per process); otherwise non-zero and `error` says why.
int ccurl_load(char *error, size_t error_size);

/// Sends one request and waits for the answer. `headers` are "Name: value" strings. `cancel` is
/// polled while the transfer runs: non-zero aborts it. Returns 0 on a received answer (any status),
/// 1 when libcurl is unavailable, 2 on a transfer error, 3 when cancelled.
int ccurl_perform(const char *url, const char *method, const char *const *headers, size_t header_count,
                  const unsigned char *body, size_t body_length, long timeout_ms, int *cancel,
                  ccurl_result *result);

/// Asks the transfer polling `flag` to stop (an atomic store: the flag is read on libcurl's thread).
void ccurl_cancel(int *flag);

/// Frees what `ccurl_perform` allocated in `result`.
void ccurl_result_free(ccurl_result *result);

#ifdef __cplusplus
}
#endif

#endif
