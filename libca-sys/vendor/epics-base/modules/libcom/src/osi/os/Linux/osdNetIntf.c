#include "../osi/osdNetIfAddrs.c"
