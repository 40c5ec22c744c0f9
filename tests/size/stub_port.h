/* SPDX-License-Identifier: MIT */
/*
 * The smallest port a firmware image needs to link: a transport and a
 * platform whose functions do nothing useful. `make size` links the size
 * images with it so that the library's bytes are measured as a real
 * firmware would link them, without any real port's code in the figure.
 */
#ifndef WOS_SIZE_STUB_PORT_H
#define WOS_SIZE_STUB_PORT_H

#include "wos_port.h"

extern const wos_transport_ops stub_transport_ops;
extern const wos_platform stub_platform;

#endif
