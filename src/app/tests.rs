// state tests
