// The system libelf (Debian libelf-dev), seen from Swift.
#include <libelf.h>
#include <gelf.h>
