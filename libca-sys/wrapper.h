/* The libca headers libca-sys binds: the Channel Access client API, DBR types,
 * ECA status codes and alarm severities/conditions. */
#include <cadef.h>
#include <db_access.h>
#include <caerr.h>
#include <alarm.h>
#include <alarmString.h>
