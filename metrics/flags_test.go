package metrics

import "flag"

var updateNX = flag.Bool("update-nx", false, "record networkx reference values in testdata")
