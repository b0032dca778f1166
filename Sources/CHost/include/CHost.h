// CHost: the few host things Swift cannot say directly.
#ifndef CHOST_H
#define CHOST_H
#include <stdint.h>
#endif
