import WTKit
#if canImport(Glibc)
import Glibc
#endif

exit(WT.main())
