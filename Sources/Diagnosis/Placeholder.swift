public enum DiagnosisModule {}
