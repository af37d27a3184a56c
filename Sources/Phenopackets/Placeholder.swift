public enum PhenopacketsModule {}
