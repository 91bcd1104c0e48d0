// Compile-time check of the option numbers ccurl.c declares by hand, against libcurl's own header
// when it is installed (scripts/setup.sh installs libcurl4-openssl-dev). Without the header there is
// nothing to compare with and this file is empty.
#if __has_include(<curl/curl.h>)
#include <curl/curl.h>
_Static_assert(CURLOPT_WRITEDATA == 10001, "CURLOPT_WRITEDATA");
_Static_assert(CURLOPT_URL == 10002, "CURLOPT_URL");
_Static_assert(CURLOPT_POSTFIELDS == 10015, "CURLOPT_POSTFIELDS");
_Static_assert(CURLOPT_HTTPHEADER == 10023, "CURLOPT_HTTPHEADER");
_Static_assert(CURLOPT_HEADERDATA == 10029, "CURLOPT_HEADERDATA");
_Static_assert(CURLOPT_CUSTOMREQUEST == 10036, "CURLOPT_CUSTOMREQUEST");
_Static_assert(CURLOPT_NOPROGRESS == 43, "CURLOPT_NOPROGRESS");
_Static_assert(CURLOPT_POST == 47, "CURLOPT_POST");
_Static_assert(CURLOPT_NOSIGNAL == 99, "CURLOPT_NOSIGNAL");
_Static_assert(CURLOPT_XFERINFODATA == 10057, "CURLOPT_XFERINFODATA");
_Static_assert(CURLOPT_ACCEPT_ENCODING == 10102, "CURLOPT_ACCEPT_ENCODING");
_Static_assert(CURLOPT_TIMEOUT_MS == 155, "CURLOPT_TIMEOUT_MS");
_Static_assert(CURLOPT_CONNECTTIMEOUT_MS == 156, "CURLOPT_CONNECTTIMEOUT_MS");
_Static_assert(CURLOPT_WRITEFUNCTION == 20011, "CURLOPT_WRITEFUNCTION");
_Static_assert(CURLOPT_HEADERFUNCTION == 20079, "CURLOPT_HEADERFUNCTION");
_Static_assert(CURLOPT_XFERINFOFUNCTION == 20219, "CURLOPT_XFERINFOFUNCTION");
_Static_assert(CURLOPT_POSTFIELDSIZE_LARGE == 30120, "CURLOPT_POSTFIELDSIZE_LARGE");
_Static_assert(CURLINFO_RESPONSE_CODE == 0x200000 + 2, "CURLINFO_RESPONSE_CODE");
_Static_assert(CURL_GLOBAL_DEFAULT == 3, "CURL_GLOBAL_DEFAULT");
_Static_assert(CURLE_ABORTED_BY_CALLBACK == 42, "CURLE_ABORTED_BY_CALLBACK");
#endif
