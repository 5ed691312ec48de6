/*
 * ProcessPrng for the wine of Debian 12 (8.0), which has no
 * bcryptprimitives.dll. Windows 10 and later have it, and the Go runtime
 * (1.22 and later) needs it to start. release-check builds this with
 * MinGW into its throwaway wine prefix only; it is never shipped.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
