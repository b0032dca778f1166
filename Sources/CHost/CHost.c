#include "CHost.h"

#include <errno.h>
#include <sys/auxv.h>

unsigned long chost_getauxval(unsigned long type, int *found) {
    errno = 0;
    unsigned long value = getauxval(type);
    *found = errno == 0;
    return value;
}
