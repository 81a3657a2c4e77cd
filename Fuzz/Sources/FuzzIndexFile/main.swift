#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport

checkChecksumCopy()
exit(runFuzzer(fuzzIndexFile))
