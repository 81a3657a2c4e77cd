// A plain-C facade over the few ICU 72 services Concord uses.
//
// Only icu_shim.c includes ICU's headers. Swift sees this header alone: scalar C types and opaque
// handles, so no ICU type can clash with the ICU copy that Foundation carries (`_FoundationICU`).
// Every function reports failure through `*error`: 0 on success, otherwise ICU's UErrorCode value
// (15 = buffer overflow, in which case the return value is the length that would have been needed).

#ifndef CONCORD_ICU_SHIM_H
#define CONCORD_ICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's U_BUFFER_OVERFLOW_ERROR.
#define CONCORD_ICU_BUFFER_OVERFLOW 15

/// Applies Unicode NFKC_Casefold to `length` UTF-16 units of `source`, writing at most `capacity`
/// units to `destination`. Returns the full length of the result.
int32_t concord_nfkc_casefold(const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity, int32_t *error);

/// Canonical decomposition (NFD) of `source`; same buffer contract as concord_nfkc_casefold.
int32_t concord_nfd(const uint16_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *error);

/// An ICU transliterator (utrans), opened once and reused; not thread-safe.
typedef struct concord_transliterator concord_transliterator;

/// Opens a transliterator by compound ID, such as "Any-Latin; Latin-ASCII". NULL on failure.
concord_transliterator *concord_transliterator_open(const char *identifier, int32_t *error);
void concord_transliterator_close(concord_transliterator *transliterator);

/// Transliterates `length` UTF-16 units of `source` into `destination` (at most `capacity` units).
/// Returns the full length of the result.
int32_t concord_transliterate(concord_transliterator *transliterator,
                              const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity, int32_t *error);

/// What a text breaker segments: words (UAX #29 with ICU's dictionaries) or sentences.
typedef enum {
    concord_break_words = 0,
    concord_break_sentences = 1
} concord_break_kind;

/// An ICU break iterator (ubrk) for the root locale, reused across texts; not thread-safe.
typedef struct concord_breaker concord_breaker;

concord_breaker *concord_breaker_open(concord_break_kind kind, int32_t *error);
void concord_breaker_close(concord_breaker *breaker);

/// Segments `length` UTF-16 units of `text`. Writes every boundary (0 and `length` included) to
/// `boundaries` and, for each segment ending at boundaries[i] (i >= 1), ICU's rule status to
/// `statuses[i]` (for words: 0-99 none/punctuation, 100-199 number, 200-299 letter, 300-399 kana,
/// 400-499 ideograph). `capacity` must be at least `length + 1`. Returns the number of boundaries.
int32_t concord_breaker_segment(concord_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *boundaries, int32_t *statuses, int32_t capacity,
                                int32_t *error);

/// ICU's script code (UScriptCode) for a code point: 0 Common, 1 Inherited, 2 Arabic, 25 Latin, ...
int32_t concord_script_code(uint32_t code_point);

/// A streaming converter from a named charset (any name or alias ICU knows: "windows-1252",
/// "ISO-8859-6", "UTF-16LE", ...) to UTF-8; keeps state across calls; not thread-safe.
typedef struct concord_converter concord_converter;

/// Opens a converter from `charset` to UTF-8. With `lossy`, bytes that are invalid or unassigned in
/// the charset become U+FFFD and are counted; without, conversion stops at them. NULL on failure
/// (an unknown name gives ICU's U_FILE_ACCESS_ERROR, 4).
concord_converter *concord_converter_open(const char *charset, int32_t lossy, int32_t *error);
void concord_converter_close(concord_converter *converter);

/// ICU's canonical name of the converter's charset (such as "UTF-8" or "ibm-5348_P100-1997").
const char *concord_converter_name(const concord_converter *converter);

/// Converts up to `length` bytes of `source` to UTF-8 in `target` (at most `capacity` bytes); sets
/// `*consumed` to the source bytes used. With `flush`, `source` ends the input. Returns the bytes
/// written. `*error` is CONCORD_ICU_BUFFER_OVERFLOW when the target is full (call again with the
/// rest); on invalid input (not lossy), ICU's error and `*invalid_length` bytes before `*consumed`
/// are the offending sequence.
int32_t concord_converter_convert(concord_converter *converter, const uint8_t *source, int32_t length,
                                  int32_t *consumed, uint8_t *target, int32_t capacity, int32_t flush,
                                  int32_t *invalid_length, int32_t *error);

/// Characters replaced by U+FFFD so far (lossy converters only).
int64_t concord_converter_replacements(const concord_converter *converter);

/// ICU's charset detector's best guess for `length` bytes of `text`: writes its name (such as
/// "windows-1252" or "UTF-16LE", NUL-terminated, cut to `capacity`) to `name` and returns its
/// confidence (1-100), or 0 when it has no guess.
int32_t concord_detect_charset(const uint8_t *text, int32_t length, char *name, int32_t capacity);

/// A short English name for an ICU error code, for messages.
const char *concord_error_name(int32_t error);

#ifdef __cplusplus
}
#endif

#endif
