#include <csv.h>

/* libcsv's version as csv.h gives it (macros do not reach Swift). */
static inline int survey_libcsv_major(void) { return CSV_MAJOR; }
static inline int survey_libcsv_minor(void) { return CSV_MINOR; }
static inline int survey_libcsv_release(void) { return CSV_RELEASE; }
