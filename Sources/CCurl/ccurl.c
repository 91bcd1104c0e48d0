// See include/ccurl.h for why libcurl is loaded at run time.
#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's ABI, declared here so that building needs no curl headers. The numbers are part of
// libcurl's stable ABI (curl/curl.h: CURLOPTTYPE_LONG 0, _OBJECTPOINT 10000, _FUNCTIONPOINT 20000,
// _OFF_T 30000; CURLINFO_LONG 0x200000); ccurl_abi_check.c compares them with the header when it
// is installed.
typedef void CURL;
struct curl_slist;
typedef int CURLcode;
typedef long long curl_off_t;

enum {
    EC_CURLOPT_WRITEDATA = 10001,
    EC_CURLOPT_URL = 10002,
    EC_CURLOPT_POSTFIELDS = 10015,
    EC_CURLOPT_HTTPHEADER = 10023,
    EC_CURLOPT_HEADERDATA = 10029,
    EC_CURLOPT_CUSTOMREQUEST = 10036,
    EC_CURLOPT_NOPROGRESS = 43,
    EC_CURLOPT_POST = 47,
    EC_CURLOPT_NOSIGNAL = 99,
    EC_CURLOPT_XFERINFODATA = 10057,
    EC_CURLOPT_ACCEPT_ENCODING = 10102,
    EC_CURLOPT_TIMEOUT_MS = 155,
    EC_CURLOPT_CONNECTTIMEOUT_MS = 156,
    EC_CURLOPT_WRITEFUNCTION = 20011,
    EC_CURLOPT_HEADERFUNCTION = 20079,
    EC_CURLOPT_XFERINFOFUNCTION = 20219,
    EC_CURLOPT_POSTFIELDSIZE_LARGE = 30120,
    EC_CURLINFO_RESPONSE_CODE = 0x200000 + 2,
    EC_CURL_GLOBAL_DEFAULT = 3,
    EC_CURLE_ABORTED_BY_CALLBACK = 42,
};

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, int, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];

static void load(void) {
    // The runtime name first (no dev package needed), then the unversioned development link.
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", "libcurl.4.dylib", NULL};
    void *lib = NULL;
    for (int i = 0; names[i] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "libcurl could not be loaded (%s); install libcurl4 to use live AWS access",
                 why ? why : "not found");
        return;
    }
#define BIND(field, symbol)                                                                              \
    do {                                                                                                 \
        *(void **)(&api.field) = dlsym(lib, symbol);                                                     \
        if (!api.field) {                                                                                \
            snprintf(load_error, sizeof load_error, "libcurl has no %s; a newer libcurl is needed", symbol); \
            return;                                                                                      \
        }                                                                                                \
    } while (0)
    BIND(global_init, "curl_global_init");
    BIND(easy_init, "curl_easy_init");
    BIND(easy_setopt, "curl_easy_setopt");
    BIND(easy_perform, "curl_easy_perform");
    BIND(easy_getinfo, "curl_easy_getinfo");
    BIND(easy_cleanup, "curl_easy_cleanup");
    BIND(easy_strerror, "curl_easy_strerror");
    BIND(slist_append, "curl_slist_append");
    BIND(slist_free_all, "curl_slist_free_all");
#undef BIND
    // Once, before any transfer (curl_global_init is not thread-safe in older libcurls).
    if (api.global_init(EC_CURL_GLOBAL_DEFAULT) != 0) {
        snprintf(load_error, sizeof load_error, "libcurl failed to initialise");
        return;
    }
    load_error[0] = 0;
}

int ccurl_load(char *error, size_t error_size) {
    // Assume failure until load() finishes; it clears the message on success.
    pthread_once(&load_once, load);
    if (load_error[0] || !api.slist_free_all) {
        if (error && error_size) snprintf(error, error_size, "%s", load_error[0] ? load_error : "libcurl could not be loaded");
        return 1;
    }
    return 0;
}

/// A growable byte buffer filled by libcurl's callbacks.
typedef struct {
    unsigned char *bytes;
    size_t length, capacity;
    int failed;
} buffer;

static size_t append(buffer *b, const void *data, size_t n) {
    if (b->failed) return 0;
    if (b->length + n + 1 > b->capacity) {
        size_t want = b->capacity ? b->capacity : 4096;
        while (want < b->length + n + 1) want *= 2;
        unsigned char *grown = realloc(b->bytes, want);
        if (!grown) { b->failed = 1; return 0; }
        b->bytes = grown;
        b->capacity = want;
    }
    memcpy(b->bytes + b->length, data, n);
    b->length += n;
    b->bytes[b->length] = 0;
    return n;
}

static size_t on_body(char *data, size_t size, size_t count, void *user) {
    return append((buffer *)user, data, size * count);
}

static size_t on_header(char *data, size_t size, size_t count, void *user) {
    buffer *b = (buffer *)user;
    size_t n = size * count;
    // A status line starts a new response (a 100 Continue, a proxy's CONNECT answer): keep only the
    // headers of the last one, as URLSession reports them.
    if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) { b->length = 0; return n; }
    return append(b, data, n) == n ? n : 0;
}

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    int *cancel = (int *)user;
    return cancel && __atomic_load_n(cancel, __ATOMIC_ACQUIRE) ? 1 : 0;
}

void ccurl_cancel(int *flag) {
    if (flag) __atomic_store_n(flag, 1, __ATOMIC_RELEASE);
}

int ccurl_perform(const char *url, const char *method, const char *const *headers, size_t header_count,
                  const unsigned char *body, size_t body_length, long timeout_ms, int *cancel,
                  ccurl_result *result) {
    memset(result, 0, sizeof *result);
    if (ccurl_load(result->error, sizeof result->error) != 0) return 1;
    CURL *h = api.easy_init();
    if (!h) { snprintf(result->error, sizeof result->error, "libcurl could not start a transfer"); return 2; }
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) list = api.slist_append(list, headers[i]);
    // No "Expect: 100-continue" round trip for request bodies.
    list = api.slist_append(list, "Expect:");
    buffer received = {0}, head = {0};
    api.easy_setopt(h, EC_CURLOPT_URL, url);
    api.easy_setopt(h, EC_CURLOPT_NOSIGNAL, 1L);
    api.easy_setopt(h, EC_CURLOPT_TIMEOUT_MS, timeout_ms);
    api.easy_setopt(h, EC_CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    api.easy_setopt(h, EC_CURLOPT_HTTPHEADER, list);
    api.easy_setopt(h, EC_CURLOPT_ACCEPT_ENCODING, "");
    api.easy_setopt(h, EC_CURLOPT_WRITEFUNCTION, on_body);
    api.easy_setopt(h, EC_CURLOPT_WRITEDATA, &received);
    api.easy_setopt(h, EC_CURLOPT_HEADERFUNCTION, on_header);
    api.easy_setopt(h, EC_CURLOPT_HEADERDATA, &head);
    api.easy_setopt(h, EC_CURLOPT_NOPROGRESS, 0L);
    api.easy_setopt(h, EC_CURLOPT_XFERINFOFUNCTION, on_progress);
    api.easy_setopt(h, EC_CURLOPT_XFERINFODATA, cancel);
    if (body_length > 0 || strcmp(method, "POST") == 0) {
        api.easy_setopt(h, EC_CURLOPT_POST, 1L);
        api.easy_setopt(h, EC_CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
        api.easy_setopt(h, EC_CURLOPT_POSTFIELDS, body_length ? (const char *)body : "");
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0) api.easy_setopt(h, EC_CURLOPT_CUSTOMREQUEST, method);
    CURLcode code = api.easy_perform(h);
    int outcome = 0;
    if (code == 0 && !received.failed && !head.failed) {
        api.easy_getinfo(h, EC_CURLINFO_RESPONSE_CODE, &result->status);
        result->body = received.bytes;
        result->body_length = received.length;
        result->headers = (char *)head.bytes;
        result->headers_length = head.length;
        received.bytes = NULL;
        head.bytes = NULL;
    } else if (code == EC_CURLE_ABORTED_BY_CALLBACK && cancel && __atomic_load_n(cancel, __ATOMIC_ACQUIRE)) {
        outcome = 3;
        snprintf(result->error, sizeof result->error, "cancelled");
    } else {
        outcome = 2;
        snprintf(result->error, sizeof result->error, "%s",
                 code != 0 ? api.easy_strerror(code) : "out of memory while receiving the answer");
    }
    free(received.bytes);
    free(head.bytes);
    api.slist_free_all(list);
    api.easy_cleanup(h);
    return outcome;
}

void ccurl_result_free(ccurl_result *result) {
    free(result->body);
    free(result->headers);
    result->body = NULL;
    result->headers = NULL;
}
