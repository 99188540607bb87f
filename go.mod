module github.com/coauthnet/coauthnet

go 1.25

require gonum.org/v1/gonum v0.17.0

require github.com/klauspost/compress v1.20.3
