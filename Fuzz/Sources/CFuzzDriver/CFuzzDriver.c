// Only the header matters: LLVMFuzzerRunDriver itself comes from libFuzzer's runtime.
#include "CFuzzDriver.h"
