#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport

exit(runFuzzer(fuzzIndexFile))
