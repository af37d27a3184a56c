# Compares the cohort analyses of `ossify cohort ... --json` with R on the same data.
# Usage: Rscript check-analytics.R DIR   (DIR holds survival-*.json, progression.json, features.json)
# Tolerances (issue 13): Kaplan-Meier and its interval 1e-6; log-rank and Cox 1e-4; msm intensities
# 1e-3 relative. Exits 1 on any mismatch.
suppressPackageStartupMessages({ library(jsonlite); library(survival); library(msm) })
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "."
failures <- 0
checks <- 0
check <- function(what, ours, theirs, tol, relative = FALSE) {
  ours <- as.numeric(unlist(lapply(ours, function(x) if (is.null(x)) NA else x)))
  theirs <- as.numeric(theirs)
  checks <<- checks + 1
  if (length(ours) != length(theirs)) {
    cat(sprintf("MISMATCH %s: %d values against R's %d\n", what, length(ours), length(theirs)))
    failures <<- failures + 1
    return(invisible(FALSE))
  }
  na <- is.na(ours) | is.na(theirs)
  if (any(is.na(ours) != is.na(theirs))) {
    cat(sprintf("MISMATCH %s: missing values differ at %d places\n", what, sum(is.na(ours) != is.na(theirs))))
    failures <<- failures + 1
    return(invisible(FALSE))
  }
  diff <- abs(ours[!na] - theirs[!na])
  if (relative) diff <- diff / pmax(abs(theirs[!na]), 1e-300)
  worst <- if (length(diff) > 0) max(diff) else 0
  if (worst > tol) {
    cat(sprintf("MISMATCH %s: largest %s difference %.3g > %.3g\n", what, if (relative) "relative" else "absolute", worst, tol))
    failures <<- failures + 1
  } else {
    cat(sprintf("ok %s (%d values, largest difference %.2g)\n", what, length(ours), worst))
  }
}

for (file in Sys.glob(file.path(dir, "survival-*.json"))) {
  report <- fromJSON(file, simplifyVector = FALSE)
  d <- do.call(rbind, lapply(report$data, function(r) data.frame(id = r$id, time = r$time, status = r$status, group = r$group)))
  name <- sub("\\.json$", "", basename(file))
  groups <- sapply(report$curves, function(c) c$group)
  for (c in report$curves) {
    sub <- d[d$group == c$group, ]
    fit <- survfit(Surv(time, status) ~ 1, data = sub)
    rows <- fit$n.event > 0
    check(paste(name, c$group, "time"), c$time, fit$time[rows], 1e-9)
    check(paste(name, c$group, "survival"), c$survival, fit$surv[rows], 1e-6)
    check(paste(name, c$group, "lower"), c$lower, fit$lower[rows], 1e-6)
    check(paste(name, c$group, "upper"), c$upper, fit$upper[rows], 1e-6)
    check(paste(name, c$group, "nRisk"), c$nRisk, fit$n.risk[rows], 0)
    q <- quantile(fit, 0.5)
    check(paste(name, c$group, "median and interval"), list(c$median, c$medianLower, c$medianUpper),
          c(q$quantile, q$lower, q$upper), 1e-6)
  }
  if (length(groups) >= 2) {
    sd <- survdiff(Surv(time, status) ~ group, data = d)
    df <- sum(sd$exp > 0) - 1
    check(paste(name, "log-rank chisq"), report$logrank$chisq, sd$chisq, 1e-4, relative = TRUE)
    check(paste(name, "log-rank p"), report$logrank$p, pchisq(sd$chisq, df, lower.tail = FALSE), 1e-4)
    terms <- sapply(report$cox, function(t) t$term)
    d$g <- factor(d$group, levels = c(report$coxReference, terms))
    cox <- coxph(Surv(time, status) ~ g, data = d, ties = "efron")
    s <- summary(cox)
    check(paste(name, "Cox HR"), lapply(report$cox, function(t) t$hr), s$conf.int[, 1], 1e-4, relative = TRUE)
    check(paste(name, "Cox lower"), lapply(report$cox, function(t) t$lower), s$conf.int[, 3], 1e-4, relative = TRUE)
    check(paste(name, "Cox upper"), lapply(report$cox, function(t) t$upper), s$conf.int[, 4], 1e-4, relative = TRUE)
    check(paste(name, "Cox p"), lapply(report$cox, function(t) t$p), s$coefficients[, 5], 1e-4)
  }
}

progression <- file.path(dir, "progression.json")
if (file.exists(progression)) {
  report <- fromJSON(progression, simplifyVector = FALSE)
  d <- do.call(rbind, lapply(report$data, function(r) data.frame(id = r$id, time = r$time, state = r$state + 1)))
  d <- d[order(d$id, d$time), ]
  k <- length(report$states)
  q <- matrix(0, k, k)
  for (i in 1:(k - 1)) q[i, i + 1] <- report$q[[i]][[i + 1]]
  fit <- msm(state ~ time, subject = id, data = d, qmatrix = q,
             control = list(reltol = 1e-14, maxit = 10000, fnscale = nrow(d)))
  est <- qmatrix.msm(fit, ci = "delta")
  ours <- sapply(1:(k - 1), function(i) report$q[[i]][[i + 1]])
  theirs <- sapply(1:(k - 1), function(i) est$estimates[i, i + 1])
  check("msm intensities", ours, theirs, 1e-3, relative = TRUE)
  check("msm lower limits", sapply(1:(k - 1), function(i) report$qLower[[i]][[i + 1]]),
        sapply(1:(k - 1), function(i) est$L[i, i + 1]), 1e-2, relative = TRUE)
  check("msm upper limits", sapply(1:(k - 1), function(i) report$qUpper[[i]][[i + 1]]),
        sapply(1:(k - 1), function(i) est$U[i, i + 1]), 1e-2, relative = TRUE)
  p5 <- pmatrix.msm(fit, t = 5)
  check("P(deep) at 5 years", report$pDeep5y, sum(p5[2, 4:k]), 1e-3, relative = TRUE)
}

features <- file.path(dir, "features.json")
if (file.exists(features)) {
  report <- fromJSON(features, simplifyVector = FALSE)
  groups <- unlist(report$groups)
  exact <- Filter(function(t) t$method == "fisher-exact", report$tables)
  if (length(exact) > 0) {
    ps <- sapply(exact, function(t) {
      m <- rbind(unlist(t$present[groups]), unlist(t$absent[groups]))
      m <- m[, colSums(m) > 0, drop = FALSE]
      fisher.test(m, workspace = 2e8)$p.value
    })
    check("Fisher p", lapply(exact, function(t) t$p), ps, 1e-6, relative = TRUE)
  }
  if (length(exact) == length(report$tables) && length(exact) > 0) {
    check("BH adjusted p", lapply(report$tables, function(t) t$pAdjusted), p.adjust(ps, "BH"), 1e-6, relative = TRUE)
  }
}

large <- file.path(dir, "fisher-large.jsonl")
if (file.exists(large)) {
  tables <- lapply(readLines(large), fromJSON, simplifyVector = FALSE)
  ps <- sapply(tables, function(t) fisher.test(rbind(unlist(t$present), unlist(t$absent)), workspace = 2e8)$p.value)
  check("Fisher p, large 2 x k tables", lapply(tables, function(t) t$result$p), ps, 1e-6, relative = TRUE)
  wide <- Filter(function(t) length(t$present) == 5 && sum(unlist(t$present), unlist(t$absent)) >= 4000, tables)
  check("2 x 5 tables of 4,000 patients or more among them", length(wide) >= 4, TRUE, 0)
  check("large 2 x k tables tested exactly", sum(sapply(tables, function(t) t$result$method != "fisher-exact")), 0, 0)
  cat(sprintf("network nodes per table: %s\n", paste(sapply(tables, function(t) t$result$nodes), collapse = " ")))
}

# Independent of FEXACT: every table with the margins of a small 2 x 5, enumerated in R, the p the
# sum of those no more probable than the observed one (relative tolerance 1e-7, as fisher.test).
small <- file.path(dir, "fisher-small.jsonl")
if (file.exists(small)) {
  enumerate <- function(present, absent) {
    size <- present + absent
    tables <- data.frame(left = sum(present), lp = 0)
    for (j in seq_len(length(size) - 1)) {
      grid <- merge(tables, data.frame(x = 0:size[j]))
      grid <- grid[grid$x <= grid$left, ]
      tables <- data.frame(left = grid$left - grid$x, lp = grid$lp + lchoose(size[j], grid$x))
    }
    tables <- tables[tables$left <= size[length(size)], ]
    lp <- tables$lp + lchoose(size[length(size)], tables$left)
    observed <- sum(lchoose(size, present))
    sum(exp(lp[lp <= observed + log1p(1e-7)] - lchoose(sum(size), sum(present))))
  }
  tables <- lapply(readLines(small), fromJSON, simplifyVector = FALSE)
  ps <- sapply(tables, function(t) enumerate(unlist(t$present), unlist(t$absent)))
  check("Fisher p, 2 x 5 tables by full enumeration in R", lapply(tables, function(t) t$result$p), ps, 1e-9, relative = TRUE)
  fexact <- sapply(tables, function(t) fisher.test(rbind(unlist(t$present), unlist(t$absent)))$p.value)
  check("the same tables by fisher.test", lapply(tables, function(t) t$result$p), fexact, 1e-6, relative = TRUE)
}

cat(sprintf("%d checks, %d mismatches\n", checks, failures))
quit(status = if (failures > 0) 1 else 0)
