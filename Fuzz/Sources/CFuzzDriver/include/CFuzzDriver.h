// libFuzzer's entry point for programs that have a main of their own (SwiftPM's executables do):
// parses libFuzzer's flags from argc/argv and fuzzes `callback`. Provided by the runtime that
// `-sanitize=fuzzer` links in.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
