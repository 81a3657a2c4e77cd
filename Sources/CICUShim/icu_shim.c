// The only file in Concord that includes ICU's headers; see include/icu_shim.h.

#include "icu_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>

static int32_t concord_normalize(const UNormalizer2 *normalizer, UErrorCode status,
                                 const uint16_t *source, int32_t length,
                                 uint16_t *destination, int32_t capacity, int32_t *error) {
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &status);
    *error = (status == U_STRING_NOT_TERMINATED_WARNING) ? U_ZERO_ERROR : status;
    return needed;
}

int32_t concord_nfkc_casefold(const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    return concord_normalize(normalizer, status, source, length, destination, capacity, error);
}

int32_t concord_nfd(const uint16_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFDInstance(&status);
    return concord_normalize(normalizer, status, source, length, destination, capacity, error);
}

struct concord_transliterator {
    UTransliterator *handle;
};

concord_transliterator *concord_transliterator_open(const char *identifier, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = (int32_t)strlen(identifier);
    UChar *wide = malloc(sizeof(UChar) * (size_t)(length + 1));
    if (wide == NULL) {
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    u_charsToUChars(identifier, wide, length);
    UTransliterator *handle = utrans_openU(wide, length, UTRANS_FORWARD, NULL, 0, NULL, &status);
    free(wide);
    if (U_FAILURE(status)) {
        *error = status;
        return NULL;
    }
    concord_transliterator *result = malloc(sizeof(concord_transliterator));
    if (result == NULL) {
        utrans_close(handle);
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    *error = U_ZERO_ERROR;
    return result;
}

void concord_transliterator_close(concord_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->handle);
    free(transliterator);
}

int32_t concord_transliterate(concord_transliterator *transliterator,
                              const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity, int32_t *error) {
    // utrans works in place and may grow the text: work in a scratch buffer, doubling on overflow.
    int32_t scratchCapacity = length * 2 + 32;
    for (;;) {
        UChar *scratch = malloc(sizeof(UChar) * (size_t)scratchCapacity);
        if (scratch == NULL) {
            *error = U_MEMORY_ALLOCATION_ERROR;
            return 0;
        }
        memcpy(scratch, source, sizeof(UChar) * (size_t)length);
        UErrorCode status = U_ZERO_ERROR;
        int32_t textLength = length;
        int32_t limit = length;
        utrans_transUChars(transliterator->handle, scratch, &textLength, scratchCapacity, 0, &limit,
                           &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && scratchCapacity < (1 << 28)) {
            free(scratch);
            scratchCapacity *= 2;
            continue;
        }
        if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
            free(scratch);
            *error = status;
            return 0;
        }
        int32_t copied = textLength < capacity ? textLength : capacity;
        memcpy(destination, scratch, sizeof(UChar) * (size_t)copied);
        free(scratch);
        *error = textLength > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
        return textLength;
    }
}

struct concord_breaker {
    UBreakIterator *handle;
};

concord_breaker *concord_breaker_open(concord_break_kind kind, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == concord_break_sentences ? UBRK_SENTENCE : UBRK_WORD;
    // Sentences: English with CLDR's standard suppressions, so "Sen. Kyrsten Sinema" or "Mr. Smith" is no break.
    const char *locale = kind == concord_break_sentences ? "en@ss=standard" : "";
    UBreakIterator *handle = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return NULL;
    }
    concord_breaker *result = malloc(sizeof(concord_breaker));
    if (result == NULL) {
        ubrk_close(handle);
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    *error = U_ZERO_ERROR;
    return result;
}

void concord_breaker_close(concord_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->handle);
    free(breaker);
}

int32_t concord_breaker_segment(concord_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *boundaries, int32_t *statuses, int32_t capacity,
                                int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->handle, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    int32_t count = 0;
    for (int32_t position = ubrk_first(breaker->handle); position != UBRK_DONE;
         position = ubrk_next(breaker->handle)) {
        if (count >= capacity) {
            *error = U_BUFFER_OVERFLOW_ERROR;
            return count;
        }
        boundaries[count] = position;
        statuses[count] = count == 0 ? 0 : ubrk_getRuleStatus(breaker->handle);
        count += 1;
    }
    // Detach the iterator from the caller's buffer, which may be freed after this call.
    static const UChar empty[1] = {0};
    ubrk_setText(breaker->handle, empty, 0, &status);
    *error = U_ZERO_ERROR;
    return count;
}

int32_t concord_script_code(uint32_t code_point) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)code_point, &status);
    return U_FAILURE(status) ? USCRIPT_INVALID_CODE : (int32_t)code;
}

struct concord_converter {
    UConverter *source;
    UConverter *utf8;
    UChar pivot[1024];
    UChar *pivot_source;
    UChar *pivot_target;
    UBool reset;
    int64_t replacements;
};

// A to-Unicode callback that counts each substitution, then substitutes as ICU's default does.
static void concord_count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                         const char *units, int32_t length,
                                         UConverterCallbackReason reason, UErrorCode *status) {
    if (reason <= UCNV_IRREGULAR) ((concord_converter *)context)->replacements += 1;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, status);
}

concord_converter *concord_converter_open(const char *charset, int32_t lossy, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    concord_converter *result = calloc(1, sizeof(concord_converter));
    if (result == NULL) {
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->source = ucnv_open(charset, &status);
    if (U_SUCCESS(status)) result->utf8 = ucnv_open("UTF-8", &status);
    if (U_SUCCESS(status)) {
        if (lossy) {
            ucnv_setToUCallBack(result->source, concord_count_and_substitute, result, NULL, NULL, &status);
        } else {
            ucnv_setToUCallBack(result->source, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
        }
    }
    if (U_FAILURE(status)) {
        concord_converter_close(result);
        *error = status;
        return NULL;
    }
    result->pivot_source = result->pivot;
    result->pivot_target = result->pivot;
    result->reset = 1;
    *error = U_ZERO_ERROR;
    return result;
}

void concord_converter_close(concord_converter *converter) {
    if (converter == NULL) return;
    if (converter->source != NULL) ucnv_close(converter->source);
    if (converter->utf8 != NULL) ucnv_close(converter->utf8);
    free(converter);
}

const char *concord_converter_name(const concord_converter *converter) {
    UErrorCode status = U_ZERO_ERROR;
    const char *name = ucnv_getName(converter->source, &status);
    return U_FAILURE(status) ? "" : name;
}

int32_t concord_converter_convert(concord_converter *converter, const uint8_t *source, int32_t length,
                                  int32_t *consumed, uint8_t *target, int32_t capacity, int32_t flush,
                                  int32_t *invalid_length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const char *input = (const char *)source;
    char *output = (char *)target;
    ucnv_convertEx(converter->utf8, converter->source, &output, output + capacity, &input, input + length,
                   converter->pivot, &converter->pivot_source, &converter->pivot_target,
                   converter->pivot + 1024, converter->reset, (UBool)(flush != 0), &status);
    converter->reset = 0;
    *consumed = (int32_t)(input - (const char *)source);
    *invalid_length = 0;
    if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND) {
        char invalid[32];
        int8_t invalid_count = sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter->source, invalid, &invalid_count, &ignored);
        *invalid_length = U_SUCCESS(ignored) ? invalid_count : 0;
    }
    *error = status;
    return (int32_t)(output - (char *)target);
}

int64_t concord_converter_replacements(const concord_converter *converter) {
    return converter->replacements;
}

int32_t concord_detect_charset(const uint8_t *text, int32_t length, char *name, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t confidence = 0;
    if (capacity < 1) return 0;
    name[0] = 0;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return 0;
    ucsdet_setText(detector, (const char *)text, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL) {
            strncpy(name, found, (size_t)capacity - 1);
            name[capacity - 1] = 0;
        } else {
            confidence = 0;
        }
    }
    ucsdet_close(detector);
    return confidence;
}

const char *concord_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}
