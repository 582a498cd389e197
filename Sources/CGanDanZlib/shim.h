// zlib, for inflating .xlsx parts as they are read (GanDanInterchange's XLSXPartStream).
#ifndef GANDAN_ZLIB_SHIM_H
#define GANDAN_ZLIB_SHIM_H
#include <zlib.h>
#endif
